#!/usr/bin/env python3
"""Write-to-searchable latency: asks N questions through the API, each with a word of its own, and times from the
write's response until a search finds it. Usage: probe.py BASE EMAIL PASSWORD N"""
import base64, json, statistics, sys, time, urllib.request, uuid

base, email, password, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])


def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request) as response:
        return json.load(response)


basic = base64.b64encode((email + ":" + password).encode()).decode()
token = call("POST", "/api/v1/tokens", {"name": "bench-" + uuid.uuid4().hex[:6]}, {"Authorization": "Basic " + basic})
bearer = {"Authorization": "Bearer " + token["token"]}
latencies = []
for i in range(n):
    word = "probe" + "".join(chr(ord("a") + int(c, 16) % 26) for c in uuid.uuid4().hex[:10])
    call("POST", "/api/v1/threads", {"title": "Benchmark " + word + " question", "body": "Write to searchable " + word,
                                     "tags": []}, bearer)
    written = time.monotonic()
    while True:
        found = call("GET", "/api/v1/search?q=" + word + "&size=1")
        if found["total"] >= 1:
            latencies.append(time.monotonic() - written)
            break
        if time.monotonic() - written > 60:
            latencies.append(float("inf"))
            break
        time.sleep(0.02)
    time.sleep(0.2)
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
print("write-to-searchable over %d writes: p50 %.0f ms, p95 %.0f ms, max %.0f ms"
      % (n, p(0.50) * 1000, p(0.95) * 1000, latencies[-1] * 1000))
