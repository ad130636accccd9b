#!/usr/bin/env python3
"""A webhook receiver for the tests, as an application would write one: checks each delivery's
Kluis-Signature (HMAC-SHA256 over "t.body" under the shared secret, compared in constant time,
t at most five minutes old), and appends what it received to a file, one JSON object per line.

    webhook-receiver.py --secret SECRET --log FILE [--port N] [--fail-first N]

Answers 503 to the first N deliveries (to test retries), 400 to a bad signature, else 204.
Prints "listening on PORT" once it accepts connections.
"""
import argparse, hashlib, hmac, http.server, json, sys, threading, time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--secret", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--fail-first", type=int, default=0)
    args = parser.parse_args()
    lock = threading.Lock()
    state = {"failures_left": args.fail_first}

    class Receiver(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            signature = self.headers.get("Kluis-Signature", "")
            parts = dict(part.split("=", 1) for part in signature.split(",") if "=" in part)
            expected = hmac.new(args.secret.encode(), parts.get("t", "").encode() + b"." + body, hashlib.sha256).hexdigest()
            fresh = parts.get("t", "").isdigit() and abs(time.time() - int(parts["t"])) < 300
            valid = hmac.compare_digest(expected, parts.get("v1", "")) and fresh
            with lock:
                failing = state["failures_left"] > 0
                if failing:
                    state["failures_left"] -= 1
                status = 503 if failing else (204 if valid else 400)
                with open(args.log, "a") as log:
                    log.write(json.dumps({"status": status, "valid": valid, "path": self.path,
                                          "event_id": self.headers.get("Kluis-Event-Id"),
                                          "event_type": self.headers.get("Kluis-Event-Type"),
                                          "user_agent": self.headers.get("User-Agent"),
                                          "body": body.decode("utf-8", "replace")}) + "\n")
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Receiver)
    print(f"listening on {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())
