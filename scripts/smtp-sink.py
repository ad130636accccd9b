#!/usr/bin/env python3
"""A local SMTP server for the mail tests: receives on 127.0.0.1 and writes each message, as
received and as Python's e-mail parser (strict RFC 5322 policy) reads it, to a JSON file.

    smtp-sink.py --directory DIR

Prints "listening on PORT" once it accepts connections, then runs until killed.
"""
import argparse, email, email.policy, email.utils, json, pathlib, socket, sys, time

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = pathlib.Path(directory)
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        report = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "raw": raw.decode("utf-8", "replace")}
        try:
            message = email.message_from_bytes(raw, policy=email.policy.strict)
            name, address = email.utils.parseaddr(str(message["From"]))
            report["parsed"] = {
                "from_name": name,
                "from_address": address,
                "to": str(message["To"]),
                "subject": str(message["Subject"]),
                "date": email.utils.parsedate_to_datetime(str(message["Date"])).timestamp(),
                "message_id": str(message["Message-ID"]),
                "content_type": message.get_content_type(),
                "charset": message.get_content_charset(),
                "body": message.get_content(),
                "defects": [type(defect).__name__ for defect in message.defects],
            }
        except Exception as error:  # the test reports what the parser refused
            report["error"] = f"{type(error).__name__}: {error}"
        self.count += 1
        path = self.directory / f"{self.count:04d}.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(report))
        temporary.rename(path)
        return "250 OK"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--directory", required=True)
    args = parser.parse_args()
    port = free_port()
    controller = Controller(Sink(args.directory), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"listening on {port}", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
