#!/usr/bin/env python3
"""Builds a Stack Exchange-format dump folder of COUNT posts (questions and answers) from the real texts in
../shared/data, reproducibly for a given seed: titles, bodies, tags and answers are sampled from the real Stack
Exchange dumps (CC BY-SA, attribution kept in SOURCE.txt) and the Korean question sets (ko-chatbot-data MIT,
ko-parakqc CC BY-SA 4.0), and recombined.

Usage: python3 bench/search-perf/generate.py OUT_DIR [COUNT=100000] [SEED=42] [SHARED=../shared/data]
Import it with: java -jar api/target/madang.jar import stackexchange OUT_DIR
"""
import csv
import glob
import os
import random
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import quoteattr

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
shared = sys.argv[4] if len(sys.argv) > 4 else "../shared/data"
rng = random.Random(seed)

questions, answers = [], []
for posts in sorted(glob.glob(os.path.join(shared, "se-*", "Posts.xml"))):
    for _, row in ET.iterparse(posts):
        if row.tag != "row":
            continue
        if row.get("PostTypeId") == "1" and row.get("Title"):
            questions.append((row.get("Title"), row.get("Body") or "", row.get("Tags") or ""))
        elif row.get("PostTypeId") == "2":
            answers.append(row.get("Body") or "")
        row.clear()

korean_q, korean_a = [], []
with open(os.path.join(shared, "ko-chatbot-data", "ChatbotData.csv"), encoding="utf-8") as f:
    for row in csv.DictReader(f):
        korean_q.append(row["Q"])
        korean_a.append(row["A"])
with open(os.path.join(shared, "ko-parakqc", "paraKQC_v1.txt"), encoding="utf-8") as f:
    korean_q.extend(line.rstrip("\n").split("\t")[-1] for line in f if line.strip())
korean_tags = ["<계정>", "<결제>", "<앱>", "<알림>", "<배송>", "<일상>"]


def english_question():
    title, body, tags = rng.choice(questions)
    if rng.random() < 0.5:
        # Recombine: the first half of one real title with the second half of another.
        other = rng.choice(questions)[0].split()
        words = title.split()
        title = " ".join(words[: max(1, len(words) // 2)] + other[len(other) // 2:])
    extra = rng.choice(questions)[1] if rng.random() < 0.3 else ""
    return title[:200], body + extra, tags


def korean_question():
    title = rng.choice(korean_q)
    if rng.random() < 0.3:
        title = title + " " + rng.choice(korean_q)
    body = "<p>" + rng.choice(korean_q) + " " + rng.choice(korean_a) + "</p>"
    return title[:200], body, rng.choice(korean_tags)


def answer_body(korean):
    if korean:
        return "<p>" + rng.choice(korean_a) + " " + rng.choice(korean_a) + "</p>"
    return rng.choice(answers)


os.makedirs(out, exist_ok=True)
users = 2000
with open(os.path.join(out, "Users.xml"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<users>\n')
    for uid in range(1, users + 1):
        f.write('  <row Id="%d" Reputation="%d" CreationDate="2024-01-01T00:00:00.000" DisplayName=%s />\n'
                % (uid, rng.randint(1, 5000), quoteattr("bench user %d" % uid)))
    f.write("</users>\n")

post_id = 0
written = 0
with open(os.path.join(out, "Posts.xml"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="utf-8"?>\n<posts>\n')
    while written < count:
        post_id += 1
        qid = post_id
        korean = rng.random() < 0.3
        title, body, tags = korean_question() if korean else english_question()
        n_answers = min(rng.choice([0, 1, 1, 2, 2, 3, 4]), count - written - 1)
        answer_ids = list(range(qid + 1, qid + 1 + n_answers))
        accepted = rng.choice(answer_ids) if answer_ids and rng.random() < 0.5 else None
        day = 1 + (qid % 28)
        month = 1 + (qid // 28) % 12
        created = "2025-%02d-%02dT%02d:%02d:00.000" % (month, day, qid % 24, qid % 60)
        f.write('  <row Id="%d" PostTypeId="1"%s CreationDate="%s" Score="%d" ViewCount="%d" Body=%s OwnerUserId="%d" '
                'Title=%s Tags=%s AnswerCount="%d" />\n'
                % (qid, (' AcceptedAnswerId="%d"' % accepted) if accepted else "", created, rng.randint(-2, 25),
                   rng.randint(0, 3000), quoteattr(body), rng.randint(1, users), quoteattr(title), quoteattr(tags),
                   n_answers))
        written += 1
        for aid in answer_ids:
            f.write('  <row Id="%d" PostTypeId="2" ParentId="%d" CreationDate="%s" Score="%d" Body=%s OwnerUserId="%d" />\n'
                    % (aid, qid, created, rng.randint(-1, 30), quoteattr(answer_body(korean)), rng.randint(1, users)))
            written += 1
        post_id += n_answers
    f.write("</posts>\n")

with open(os.path.join(out, "SOURCE.txt"), "w", encoding="utf-8") as f:
    f.write("Generated benchmark corpus (site generated.bench.madang), %d posts, seed %d, by bench/search-perf/generate.py.\n"
            "Texts sampled and recombined from ../shared/data: Stack Exchange dumps (CC BY-SA 4.0, see each se-*/SOURCE.txt),\n"
            "ko-chatbot-data (MIT) and ko-parakqc (CC BY-SA 4.0). Same licenses apply.\n" % (count, seed))
print("wrote %d posts to %s" % (written, out))
