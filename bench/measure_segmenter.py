"""Run: pip install jieba==0.42.1 --target /tmp/jb; .venv/bin/python bench/measure_segmenter.py

Does segmenting with jieba help map labels to catalogue figures? Compare, on every example sentence of
labels.yaml (yes and no) plus eight harder sentences of its own (a longer lead, a part named like its whole), the window
reading (the words before the number, framing words stripped, matched whole) with a segmented reading (the
shortest run of jieba words ending at the number that matches an entry whole). Measured before choosing: the
window reading stays (README, From a received report).
"""
import logging
import os
import sys
sys.path.insert(0, os.environ.get("JIEBA_PATH", "/tmp/jb"))  # pip install jieba==0.42.1 --target /tmp/jb
import jieba
jieba.setLogLevel(logging.ERROR)
from perfeval.intake.report.catalogue import catalogue_path, label_table, normalise, _whole, _words
from perfeval.intake.report.document import build
from perfeval.intake.report.mentions import prose_mentions

def window(sentence):
    d = build("t", [sentence])
    out = []
    prev = None
    for m in prose_mentions(d, set()):
        prev = catalogue_path(m, 2023, prev)
        out.append(prev.path if prev else None)
    return out

def segmented(sentence):
    d = build("t", [sentence])
    out = []
    for m in prose_mentions(d, set()):
        if m.is_rate:
            out.append(None)
            continue
        words = list(jieba.cut(normalise(m.lead)))
        hit = None
        for k in range(len(words) - 1, -1, -1):
            tail = "".join(words[k:])
            for group in ("lines", "scalars"):
                f = _whole(tail, _words(group))
                if f:
                    hit = f"lines.{f[0]}." if group == "lines" else f[0]
            if hit:
                break
        out.append(hit)
    return out

def agree(path, group, key):
    if path is None:
        return False
    return path.startswith(f"lines.{key}.") if group == "lines" else path == key

res = {"window": [0, 0, 0, 0], "jieba": [0, 0, 0, 0]}  # yes right, yes total, no wrong, no total
extra_yes = [("lines", "sangong_reception", "全年公务接待费支出1.35万元。"), ("scalars", "activity.vehicle_km", "安全行驶里程146万公里。"),
             ("scalars", "staff.on_duty", "单位现有在职干部职工41人。"), ("lines", "project", "本年度项目支出共计390.00万元。")]
extra_no = [("lines", "project", "财政拨款项目支出210.00万元。"), ("lines", "project", "公车平台项目支出80.00万元。"),
            ("scalars", "staff.authorized", "其中事业编制22人。"), ("lines", "basic", "上级补助基本支出20.00万元。")]
cases = [(g, e.key, s, True) for g in ("lines", "scalars") for e in label_table()[g] for s in e.yes] + \
        [(g, k, s, True) for g, k, s in extra_yes] + \
        [(g, e.key, s, False) for g in ("lines", "scalars") for e in label_table()[g] for s in e.no] + \
        [(g, k, s, False) for g, k, s in extra_no]
for g, k, s, yes in cases:
    for name, f in (("window", window), ("jieba", segmented)):
        paths = f(s)
        r = res[name]
        if yes:
            r[1] += 1
            r[0] += bool(paths) and agree(paths[0], g, k)
        else:
            r[3] += 1
            r[2] += any(agree(p, g, k) for p in paths)
for name, (yr, yt, nw, nt) in res.items():
    print(f"{name:7} named right {yr}/{yt}; wrongly named {nw}/{nt}")
