#!/usr/bin/env python3
"""Independent check of the insights API: recomputes the overview's figures for a period from the source
collections (threads, answers, comments) with its own Kaplan-Meier over the same bins, and compares.

    /usr/bin/python3 bench/insights/check.py mongodb://127.0.0.1:PORT http://localhost:8080 TOKEN 2010-01-01 2012-12-31

Needs pymongo (Debian: python3-pymongo). Prints each figure with both values and exits 1 on a mismatch."""
import datetime as dt, json, sys, urllib.request
import pymongo

EDGES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 960, 1440,
         2 * 1440, 3 * 1440, 4 * 1440, 5 * 1440, 7 * 1440, 10 * 1440, 14 * 1440, 21 * 1440, 30 * 1440, 45 * 1440,
         60 * 1440, 90 * 1440, 180 * 1440, 365 * 1440]

def bin_of(minutes):
    b = 0
    while b + 1 < len(EDGES) and EDGES[b + 1] <= minutes:
        b += 1
    return b

def km(waits, share):
    """waits: (minutes, had_event) pairs; the end of the first bin where >= share had it, or ('>', start)."""
    if not waits:
        return None
    had = [0] * len(EDGES); cen = [0] * len(EDGES)
    for minutes, event in waits:
        (had if event else cen)[bin_of(minutes)] += 1
    at_risk, surviving, last = len(waits), 1.0, max(bin_of(m) for m, _ in waits)
    for b in range(len(EDGES)):
        if had[b]:
            surviving *= 1 - had[b] / at_risk
            if surviving <= 1 - share + 1e-9:
                return EDGES[b + 1] if b + 1 < len(EDGES) else ('>', EDGES[b])
        at_risk -= had[b] + cen[b]
    return ('>', EDGES[last])

def main():
    mongo_uri, base, token, start, end = sys.argv[1:6]
    db = pymongo.MongoClient(mongo_uri).get_database("madang")
    t0 = dt.datetime.fromisoformat(start)
    t1 = dt.datetime.fromisoformat(end) + dt.timedelta(days=1)
    threads = [t for t in db.threads.find({}, {"authorId": 1, "createdAt": 1, "solvedAt": 1, "followCount": 1,
                                                "score": 1, "mergedInto": 1, "status": 1, "hold": 1, "productArea": 1})
               if t0 <= t["createdAt"] < t1 and t.get("status") != "DELETED" and not t.get("mergedInto")
               and not t.get("hold")]
    ids = {str(t["_id"]): t for t in threads}
    first = {}
    for collection in ("answers", "comments"):
        for post in db[collection].find({}, {"threadId": 1, "authorId": 1, "createdAt": 1, "deletion": 1, "hold": 1}):
            thread = ids.get(post.get("threadId"))
            if thread is None or post.get("authorId") == thread["authorId"] or post.get("deletion") or post.get("hold"):
                continue
            key = post["threadId"]
            if key not in first or post["createdAt"] < first[key]:
                first[key] = post["createdAt"]
    def minutes(a, b):
        return int((b - a).total_seconds() // 60)
    response, resolution = [], []
    for key, t in ids.items():
        f = first.get(key)
        response.append((minutes(t["createdAt"], f), True) if f and f < t1 else (minutes(t["createdAt"], t1), False))
        s = t.get("solvedAt")
        resolution.append((minutes(t["createdAt"], s), True) if s and s < t1 else (minutes(t["createdAt"], t1), False))
    solved = sum(1 for t in threads if t.get("solvedAt") and t["solvedAt"] < t1)
    mine = {
        "asked": len(threads), "solved": solved, "meToo": sum(t.get("followCount", 0) for t in threads),
        "votes": sum(t.get("score", 0) for t in threads), "unanswered": sum(1 for _, e in response if not e),
        "firstResponse.median": km(response, 0.5), "firstResponse.p90": km(response, 0.9),
        "resolution.median": km(resolution, 0.5), "resolution.p90": km(resolution, 0.9),
    }
    request = urllib.request.Request(f"{base}/api/v1/insights/overview?from={start}&to={end}",
                                     headers={"Authorization": "Bearer " + token})
    total = json.load(urllib.request.urlopen(request))["total"]
    def wait(w):
        return w["minutes"] if w["minutes"] is not None else (('>', w["moreThanMinutes"]) if w["moreThanMinutes"] is not None else None)
    theirs = {
        "asked": total["pain"]["asked"], "solved": total["solved"], "meToo": total["pain"]["meToo"],
        "votes": total["pain"]["votes"], "unanswered": total["unanswered"],
        "firstResponse.median": wait(total["firstResponse"]["median"]), "firstResponse.p90": wait(total["firstResponse"]["p90"]),
        "resolution.median": wait(total["resolution"]["median"]), "resolution.p90": wait(total["resolution"]["p90"]),
    }
    bad = 0
    for name in mine:
        same = mine[name] == theirs[name]
        bad += not same
        print(f"{name:24} independent {str(mine[name]):>14}   api {str(theirs[name]):>14}   {'ok' if same else 'DIFFERENT'}")
    sys.exit(1 if bad else 0)

main()
