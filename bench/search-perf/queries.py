#!/usr/bin/env python3
"""Writes COUNT search queries, seeded: real question titles from the Stack Exchange dumps and real Korean questions
(ko-chatbot-data), the way customers type them. Usage: queries.py SHARED COUNT SEED > queries.txt"""
import csv, glob, os, random, sys
import xml.etree.ElementTree as ET

shared, count, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
english, korean = [], []
for posts in sorted(glob.glob(os.path.join(shared, "se-*", "Posts.xml"))):
    for _, row in ET.iterparse(posts):
        if row.tag == "row" and row.get("PostTypeId") == "1" and row.get("Title"):
            english.append(row.get("Title"))
        row.clear()
with open(os.path.join(shared, "ko-chatbot-data", "ChatbotData.csv"), encoding="utf-8") as f:
    korean = [row["Q"] for row in csv.DictReader(f)]
for i in range(count):
    words = (rng.choice(korean) if i % 3 == 0 else rng.choice(english)).split()
    # Customers type a few words, not whole titles: keep 2 to 6 of them.
    start = rng.randint(0, max(0, len(words) - 2))
    print(" ".join(words[start:start + rng.randint(2, 6)]).replace("\t", " "))
