package org.plantrack.formats.office;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an Office Open XML package before POI opens it: at most so many entries, expanding to at most so many
 * bytes and by at most so much against their compressed size (zip bombs), no XML entry with a document type
 * declaration (external entities: POI refuses them too, this says so in words), no VBA project (macros).
 * Every entry is expanded once here, counting, so a bomb is stopped at the limit rather than after it filled
 * the memory.
 */
final class ZipGuard {
    private ZipGuard() {
    }

    static void check(byte[] bytes, OfficeLimits limits, String what) {
        if (bytes.length > limits.maxBytes()) {
            throw Refusals.of(what, "文件有 " + Refusals.mib(bytes.length) + "，超过上限 " + Refusals.mib(limits.maxBytes()),
                    "the file has " + Refusals.mib(bytes.length) + ", more than the limit of "
                            + Refusals.mib(limits.maxBytes()));
        }
        int entries = 0;
        long expanded = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw Refusals.of(what, "压缩包内文件超过 " + limits.maxEntries() + " 个，疑似恶意构造（zip 炸弹）",
                            "the package holds more than " + limits.maxEntries() + " entries, which no real document "
                                    + "does (a zip bomb?)");
                }
                String name = e.getName().toLowerCase(Locale.ROOT);
                if (name.endsWith("vbaproject.bin")) {
                    throw Refusals.of(what, "文档含宏（VBA），一律拒收：请另存为不含宏的 .docx，或另存为纯文本",
                            "the document holds macros (VBA) and is refused: save it as a .docx without macros, or "
                                    + "as plain text");
                }
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                long entryBytes = 0;
                byte[] head = xml ? new byte[1024] : null;
                int headLen = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (head != null && headLen < head.length) {
                        int k = Math.min(n, head.length - headLen);
                        System.arraycopy(buf, 0, head, headLen, k);
                        headLen += k;
                    }
                    entryBytes += n;
                    expanded += n;
                    if (expanded > limits.maxExpandedBytes()) {
                        throw Refusals.of(what, "解压后超过 " + Refusals.mib(limits.maxExpandedBytes())
                                        + "，疑似恶意构造（zip 炸弹）",
                                "its entries expand to more than " + Refusals.mib(limits.maxExpandedBytes())
                                        + " (a zip bomb?)");
                    }
                    long compressed = e.getCompressedSize();
                    if (compressed > 0 && entryBytes > 1_000_000 && entryBytes / compressed > limits.maxRatio()) {
                        throw Refusals.of(what, "“" + e.getName() + "”压缩比超过 " + limits.maxRatio() + " 倍，疑似恶意构造（zip 炸弹）",
                                "the entry '" + e.getName() + "' expands more than " + limits.maxRatio()
                                        + " times (a zip bomb?)");
                    }
                }
                long compressed = e.getCompressedSize();
                if (compressed > 0 && entryBytes > 1_000_000 && entryBytes / compressed > limits.maxRatio()) {
                    throw Refusals.of(what, "“" + e.getName() + "”压缩比超过 " + limits.maxRatio() + " 倍，疑似恶意构造（zip 炸弹）",
                            "the entry '" + e.getName() + "' expands more than " + limits.maxRatio() + " times (a zip bomb?)");
                }
                if (head != null && doctype(head, headLen)) {
                    throw Refusals.of(what, "“" + e.getName() + "”含 DOCTYPE 声明（可能引用外部实体，XXE），拒收",
                            "the entry '" + e.getName() + "' has a DOCTYPE declaration (external entities, XXE) and is "
                                    + "refused");
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw Bounded.damaged(what, e);
        }
        if (entries == 0) {
            throw Bounded.damaged(what, null);
        }
    }

    private static boolean doctype(byte[] head, int len) {
        String s = new String(head, 0, len, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        if (len >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            s = new String(head, 0, len, StandardCharsets.UTF_16);
        }
        return s.toUpperCase(Locale.ROOT).contains("<!DOCTYPE") || s.toUpperCase(Locale.ROOT).contains("<!ENTITY");
    }
}
