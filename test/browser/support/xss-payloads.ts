/**
 * XSS payloads for the hardening suite: each would call `window.__xss(n)` if the markup, URL, template or
 * style it carries were ever interpreted rather than shown as text. Plain data, importable from Node (the
 * test server stores them in procedures, office names and rating comments) and from the browser (the tests
 * look for each one, literally, in the widgets' shadow DOM).
 */

/** Name of the trap function the payloads call; the page defines it and the tests assert it was never called. */
export const XSS_TRAP = '__xss';

const makers: ((call: string, n: number) => string)[] = [
  (c) => `<script>${c}</script>`,
  (c) => `<SCRIPT SRC=data:text/javascript,${c}></SCRIPT>`,
  (c) => `<script>/*</script>*/${c}</script>`,
  (c) => `<img src=x onerror=${c}>`,
  (c) => `<img src="x" onerror="${c}">`,
  (c) => `<IMG SRC=# onerror=javascript:${c}>`,
  (c) => `<svg onload=${c}>`,
  (c) => `<svg><script>${c}</script></svg>`,
  (c) => `<svg><animate onbegin=${c} attributeName=x dur=1s>`,
  (c) => `<body onload=${c}>`,
  (c) => `<iframe src="javascript:parent.${c}"></iframe>`,
  (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>`,
  (c) => `<a href="javascript:${c}">bấm vào đây</a>`,
  (c) => `javascript:${c}`,
  (c) => `JaVaScRiPt:${c}`,
  (c) => `java\tscript:${c}`,
  (c, n) => `data:text/html;base64,${btoa(`<script>parent.__xss(${n})</script>`)}`,
  (c) => `data:text/html,<script>parent.${c}</script>`,
  (c) => `"><script>${c}</script>`,
  (c) => `'><img src=x onerror=${c}>`,
  (c) => `"><svg onload=${c}>`,
  (c) => `" onmouseover="${c}" x="`,
  (c) => `' onfocus='${c}' autofocus='`,
  (c) => `</textarea><script>${c}</script>`,
  (c) => `</title><script>${c}</script>`,
  (c) => `</style><script>${c}</script>`,
  (c) => `\${${c}}`,
  (c) => `\`\${${c}}\``,
  (c) => `{{${c}}}`,
  (c) => `{{constructor.constructor('${c}')()}}`,
  (c) => `<%= ${c} %>`,
  (c) => `#{${c}}`,
  (c) => `\\u003cscript\\u003e${c}\\u003c/script\\u003e`,
  (c) => `\\x3cimg src=x onerror=${c}\\x3e`,
  (c) => `&lt;script&gt;${c}&lt;/script&gt;`,
  (c) => `&#60;img src=x onerror=${c}&#62;`,
  (c) => `&#x3C;svg onload=${c}&#x3E;`,
  (c) => `<img src=x onerror=&#x${c.charCodeAt(0).toString(16)};${c.slice(1)}>`,
  (c) => `＜script＞${c}＜/script＞`,
  (c) => `<div style="background:url(javascript:${c})">`,
  (c) => `<div style="width: expression(${c})">`,
  (c) => `<style>@import 'javascript:${c}';</style>`,
  (c) => `<link rel=stylesheet href="javascript:${c}">`,
  (c) => `<object data="javascript:${c}"></object>`,
  (c) => `<embed src="javascript:${c}">`,
  (c) => `<details open ontoggle=${c}>`,
  (c) => `<input autofocus onfocus=${c}>`,
  (c) => `<video><source onerror=${c}></video>`,
  (c) => `<math><mtext><table><mglyph><style><img src=x onerror=${c}>`,
  (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>">`,
  (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`,
  (c) => `<form><button formaction=javascript:${c}>gửi</button></form>`,
  (c) => `<base href="javascript:${c}//">`,
  (c) => `<template><img src=x onerror=${c}></template>`,
  (c) => `<!--<img src="--><img src=x onerror=${c}//">`,
  (c) => `<marquee onstart=${c}>Thủ tục</marquee>`,
  (c) => `<scr<script>ipt>${c}</scr</script>ipt>`,
];

/** The payloads, numbered from 1 (`__xss(n)` tells which one ran). At least 50. */
export const XSS_PAYLOADS: readonly string[] = makers.map((make, i) => make(`window.${XSS_TRAP}(${i + 1})`, i + 1));
