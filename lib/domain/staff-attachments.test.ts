import { describe, expect, it } from "vitest";
import { displayFileName, sniffDocumentType, takesAttachments } from "./staff-attachments";

const zip = (...names: string[]) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode(names.join("\0"))]);

describe("staff attachments", () => {
  it("recognises PDF, Word and Excel by their bytes, nothing else", () => {
    expect(sniffDocumentType(new TextEncoder().encode("%PDF-1.7\n…"))?.ext).toBe("pdf");
    expect(sniffDocumentType(zip("[Content_Types].xml", "word/document.xml"))?.ext).toBe("docx");
    expect(sniffDocumentType(zip("[Content_Types].xml", "xl/workbook.xml"))?.ext).toBe("xlsx");
    // A plain ZIP, a macro-enabled workbook, a renamed text file: refused.
    expect(sniffDocumentType(zip("readme.txt"))).toBeNull();
    expect(sniffDocumentType(zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode("这不是 PDF"))).toBeNull();
  });

  it("takes attachments on notes, assistance replies and replies only", () => {
    expect(["note", "assistReply", "reply"].every((a) => takesAttachments(a as never))).toBe(true);
    expect(takesAttachments("sign")).toBe(false);
  });

  it("shows a file's own name without its path or control characters", () => {
    expect(displayFileName("C:\\Users\\li\\整改报告.pdf")).toBe("整改报告.pdf");
    expect(displayFileName("a\u0000b.docx")).toBe("ab.docx");
    expect(displayFileName("")).toBe("附件");
  });
});
