/**
 * Reading a receipt's QR code: with the browser's BarcodeDetector where it reads QR codes (Chrome on
 * Android, ChromeOS and macOS), else with the pure-JavaScript decoder of `qr-fallback.ts`, loaded only then.
 */

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: ImageBitmapSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options?: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

function detectorClass(): BarcodeDetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
}

/** Resolves to true when the browser's own detector reads QR codes. */
async function nativeQr(): Promise<boolean> {
  const Detector = detectorClass();
  if (!Detector) return false;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code');
  } catch {
    return false;
  }
}

/** The text of the first QR code in `image` (a photo from the camera), or null when none is readable. */
export async function readQr(image: Blob): Promise<string | null> {
  try {
    if (!(await nativeQr())) return await (await import('./qr-fallback.js')).decodeQr(image);
    const bitmap = await createImageBitmap(image);
    const [first] = await new (detectorClass()!)({ formats: ['qr_code'] }).detect(bitmap);
    bitmap.close();
    return first?.rawValue.trim() || null;
  } catch {
    return null;
  }
}

/**
 * The dossier code in a QR payload: either the code itself, or a link (to the portal's lookup page) that
 * carries it in the `param` query parameter.
 */
export function codeFromQr(payload: string, param = 'ma_ho_so'): string {
  try {
    const url = new URL(payload);
    return url.searchParams.get(param)?.trim() || payload;
  } catch {
    return payload;
  }
}
