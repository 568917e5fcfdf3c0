/**
 * Custom Elements Manifest of @motcua/elements (packages/elements/custom-elements.json): tags, attributes,
 * properties, events, slots, CSS parts and custom properties, read from the classes and their JSDoc. It feeds
 * Storybook's controls and docs, the framework types (scripts/framework-types.mjs) and editors.
 *
 *   npx cem analyze --config custom-elements-analyzer.config.mjs
 */
import { posix } from 'node:path';

const PACKAGE = 'packages/elements/';

/** Module paths as a consumer of the npm package sees them: `dist/rating/rating.js`, not the repo's source path. */
function packagePaths() {
  const toDist = (path) => path.replace(`${PACKAGE}src/`, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'motcua-package-paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.path = toDist(mod.path);
        // Re-exports name their module relative to the exporting one (`./rating/rating.js`): make it package-relative.
        const fromModule = (module) => (module.startsWith('.') ? posix.join(posix.dirname(mod.path), module) : toDist(module));
        for (const exp of mod.exports ?? []) {
          if (exp.declaration?.module) exp.declaration.module = fromModule(exp.declaration.module);
        }
        for (const decl of mod.declarations ?? []) {
          if (decl.superclass?.module) decl.superclass.module = toDist(decl.superclass.module);
          for (const member of decl.members ?? []) {
            if (member.inheritedFrom?.module) member.inheritedFrom.module = toDist(member.inheritedFrom.module);
          }
          for (const list of [decl.attributes, decl.events]) {
            for (const item of list ?? []) {
              if (item.inheritedFrom?.module) item.inheritedFrom.module = toDist(item.inheritedFrom.module);
            }
          }
        }
      }
    },
  };
}

/**
 * Our tags are registered through `defineElement('motcua-x', MotcuaX)` (idempotent), which the analyzer does
 * not know: record each call as the custom element definition `customElements.define()` would be.
 */
function defineElementCalls() {
  return {
    name: 'motcua-define-element-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, klass] = node.arguments;
      if (!tag || !klass || !ts.isStringLiteral(tag) || !ts.isIdentifier(klass)) return;
      const imported = context.imports?.find((i) => i.name === klass.text && !i.isBareModuleSpecifier);
      const module = imported
        ? new URL(imported.importPath, `file:///${moduleDoc.path}`).pathname.slice(1).replace(/\.js$/, '.ts')
        : moduleDoc.path;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        { kind: 'custom-element-definition', name: tag.text, declaration: { name: klass.text, module } },
      ];
    },
  };
}

/**
 * JSDoc reads one tag per line; a line such as `@csspart base - The frame. @csspart header - The title band.`
 * would document only `base`. Split such descriptions into their own entries.
 */
function splitInlineTags() {
  const lists = { csspart: 'cssParts', cssprop: 'cssProperties', slot: 'slots', attr: 'attributes', event: 'events' };
  return {
    name: 'motcua-split-inline-tags',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const [tag, key] of Object.entries(lists)) {
            if (!decl[key]) continue;
            const split = [];
            for (const item of decl[key]) {
              const [first, ...rest] = (item.description ?? '').split(new RegExp(`\\s*@${tag}\\s+`));
              split.push({ ...item, description: first.trim() });
              for (const piece of rest) {
                const m = /^(\S+)\s*(?:-\s*)?([\s\S]*)$/.exec(piece);
                if (!m) continue;
                const known = decl[key].find((other) => other.name === m[1]);
                if (known && !known.description) known.description = m[2].trim();
                else if (!known) split.push({ name: m[1], description: m[2].trim() });
              }
            }
            decl[key] = split;
          }
        }
      }
    },
  };
}

/** Leave out what is not public API: private and `#private` members, Lit's internal reactive state (`_x`). */
function publicOnly() {
  const isPublic = (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('_') && !m.name.startsWith('#');
  return {
    name: 'motcua-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.members) decl.members = decl.members.filter(isPublic);
          if (decl.attributes) decl.attributes = decl.attributes.filter((a) => !a.fieldName?.startsWith('_'));
        }
      }
    },
  };
}

export default {
  globs: [`${PACKAGE}src/**/*.ts`],
  exclude: [`${PACKAGE}src/**/*.test.ts`, `${PACKAGE}src/**/*.d.ts`],
  outdir: PACKAGE,
  litelement: true,
  packagejson: false,
  plugins: [defineElementCalls(), splitInlineTags(), publicOnly(), packagePaths()],
};
