import "server-only";
import QRCode from "qrcode";

/** The link as a QR code: an SVG data URL for an <img>, so the SVG text never becomes markup. */
export async function qrDataUrl(link: string): Promise<string> {
  const svg = await QRCode.toString(link, { type: "svg", margin: 0, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
