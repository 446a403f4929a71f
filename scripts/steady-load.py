#!/usr/bin/env python3
"""Steady decision load on one or more instances, every request's outcome written down.

Sends POST /api/v1/decisions at a fixed total rate, spread over the given instances, until the stop file appears
(or the duration ends), and writes one CSV line per request: when it was sent (epoch ms), which instance, the HTTP
status (or what broke the connection: refused, reset, timeout), the latency in ms, the Retry-After header and the
decision id of a 200. Used by scripts/db-outage-check.sh and scripts/soak.sh; standard library only.

  scripts/steady-load.py --url http://127.0.0.1:18201 --url http://127.0.0.1:18202 --rate 100 \\
      --body src/test/resources/audit/request.json --out load.csv --stop-file STOP [--duration 60] [--timeout 10]
"""
import argparse
import base64
import csv
import http.client
import json
import os
import socket
import sys
import threading
import time
import urllib.parse


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--url', action='append', required=True, help='an instance; give it once per instance')
    parser.add_argument('--rate', type=float, default=100, help='requests a second, over all instances')
    parser.add_argument('--workers', type=int, default=16, help='concurrent connections')
    parser.add_argument('--body', required=True, help='the decision request to send')
    parser.add_argument('--user', default='client:client-demo-pw')
    parser.add_argument('--out', required=True, help='the CSV to write')
    parser.add_argument('--stop-file', help='stop when this file exists')
    parser.add_argument('--duration', type=float, default=0, help='seconds; 0: until the stop file')
    parser.add_argument('--count', type=int, default=0, help='stop after this many requests; 0: no limit')
    parser.add_argument('--timeout', type=float, default=10, help='seconds a request may take before it is cut')
    args = parser.parse_args()

    body = open(args.body, 'rb').read()
    auth = 'Basic ' + base64.b64encode(args.user.encode()).decode()
    targets = [urllib.parse.urlsplit(u) for u in args.url]
    interval = args.workers / args.rate
    start = time.time()
    out = open(args.out, 'w', newline='')
    writer = csv.writer(out)
    writer.writerow(['sent_ms', 'instance', 'status', 'latency_ms', 'retry_after', 'decision_id'])
    lock = threading.Lock()
    sent = [0]
    stop = threading.Event()

    def done():
        if stop.is_set():
            return True
        if args.stop_file and os.path.exists(args.stop_file):
            stop.set()
        elif args.duration and time.time() - start >= args.duration:
            stop.set()
        elif args.count and sent[0] >= args.count:
            stop.set()
        return stop.is_set()

    def worker(index):
        connections = {}
        # spread the workers' sends evenly over one interval
        next_at = start + interval * index / args.workers
        n = index
        while not done():
            now = time.time()
            if next_at > now:
                time.sleep(next_at - now)
                next_at += interval
            else:
                # behind (a slow answer): send now and keep the pace from here, never a burst to catch up
                next_at = now + interval
            with lock:
                if args.count and sent[0] >= args.count:
                    break
                sent[0] += 1
            target_index = n % len(targets)
            n += 1
            target = targets[target_index]
            sent_at = time.time()
            status, retry_after, decision_id = '', '', ''
            try:
                connection = connections.get(target_index)
                if connection is None:
                    connection = http.client.HTTPConnection(target.hostname, target.port, timeout=args.timeout)
                    connections[target_index] = connection
                connection.request('POST', '/api/v1/decisions', body=body, headers={
                    'Authorization': auth, 'Content-Type': 'application/json'})
                response = connection.getresponse()
                payload = response.read()
                status = str(response.status)
                retry_after = response.getheader('Retry-After') or ''
                if response.status == 200:
                    decision_id = json.loads(payload)['decisionId']
            except ConnectionRefusedError:
                status = 'refused'
            except (socket.timeout, TimeoutError):
                status = 'timeout'
            except (ConnectionError, http.client.HTTPException, OSError) as e:
                status = 'broken:' + type(e).__name__
            if status in ('refused', 'timeout') or status.startswith('broken'):
                connection = connections.pop(target_index, None)
                if connection is not None:
                    connection.close()
            latency = (time.time() - sent_at) * 1000
            with lock:
                writer.writerow([int(sent_at * 1000), target_index, status, '%.1f' % latency, retry_after,
                                 decision_id])

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()
    print('sent %d requests in %.1f s' % (sent[0], time.time() - start), file=sys.stderr)


if __name__ == '__main__':
    main()
