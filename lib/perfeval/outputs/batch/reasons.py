"""Why a report could not be drafted, said in Chinese for the index and summary.csv, which officials read: the
reader's refusals are written for the terminal in English, and the index said “报告无法读取…：has 801 pages; the
limit is 2,000 …” (trial 7 X37). A refusal of a kind not listed here keeps its own words."""
from __future__ import annotations

import re
from typing import Callable

_Said = Callable[[re.Match[str]], str]

_KINDS: tuple[tuple[re.Pattern[str], _Said], ...] = tuple((re.compile(pattern), said) for pattern, said in (
    (r"has ([\d,]+) pages; the limit is ([\d,]+)",
     lambda m: f"PDF 共 {m[1]} 页，超过可读取的上限 {m[2]} 页；请只提供自评报告正文，或分成几个文件"),
    (r"is encrypted \(password-protected\)", lambda m: "文件已加密（有密码）；请另存一份不加密的文件"),
    (r"is protected by its owner against copying its text",
     lambda m: "文件设置了禁止复制文字的权限；请索取不加保护的文件，或 Word 版"),
    (r"is password-protected or an old binary Word file",
     lambda m: "文件已加密，或是旧版 Word（.doc）；请另存为不加密的 .docx"),
    (r"has no text layer", lambda m: "PDF 没有文字层（扫描件？）；请提供从文档导出的 PDF，或 Word 版"),
    (r"has text that is not extractable",
     lambda m: "PDF 的字体没有给出对应文字（缺少 ToUnicode 映射），文字无法提取；请提供 Word 版"),
    (r"has text the reader cannot decode", lambda m: "PDF 的文字无法解码；请从 Word/WPS 重新导出 PDF，或提供 Word 版"),
    (r"shows no text a viewer would show",
     lambda m: "PDF 中的文字全部是隐藏的，阅读器不显示；请从文档重新导出 PDF，或提供 Word 版"),
    (r"is empty \(([\d,]+) bytes", lambda m: f"文件是空的（{m[1]} 字节）；请重新保存报告"),
    (r"is not a PDF file", lambda m: "文件名是 .pdf，内容却不是 PDF；请按其实际格式重新命名"),
    (r"is not a Word \.docx document", lambda m: "文件名是 .docx，内容却不是 Word 文档；请按其实际格式重新命名"),
    (r"is damaged", lambda m: "文件已损坏，无法读取；请重新保存或重新导出"),
    (r"holds no text", lambda m: "文件中没有文字"),
    (r"is neither UTF-8, UTF-16 nor GB18030",
     lambda m: "文本文件的编码无法识别（不是 UTF-8、UTF-16 或 GBK）；请另存为 UTF-8"),
    (r"file is ([\d,]+) bytes; the limit is ([\d,]+)", lambda m: f"文件有 {m[1]} 字节，超过上限 {m[2]} 字节"),
    (r"needs more memory than is free", lambda m: "读取所需的内存超过可用内存；请提供 Word 版"),
    (r"states more figures than one params file may hold",
     lambda m: "报告中的数字多于一份参数文件可容纳的；请把附表另存为文件单独起草"),
))


def in_chinese(problem: str) -> str:
    """A reader's refusal as an official reads it: in Chinese where its kind is known, else as it was written."""
    for pattern, said in _KINDS:
        found = pattern.search(problem)
        if found:
            return said(found)
    return problem
