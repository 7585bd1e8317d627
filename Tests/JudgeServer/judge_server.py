#!/usr/bin/env python3
"""A scripted LLM server for Stele's judge tests: speaks OpenAI's chat completions
(POST .../chat/completions) and Anthropic's Messages API (POST .../v1/messages) on 127.0.0.1.

The first path segment names the scenario: http://127.0.0.1:PORT/<scenario>/v1/chat/completions.
Prints its port on the first line of standard output, then serves until killed. Every request is
appended to the log file given as the first argument (one JSON object per line: path, headers, body).
Standard library only.
"""
import json
import re
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG_PATH = sys.argv[1] if len(sys.argv) > 1 else None
LOCK = threading.Lock()
COUNTS = {}
CORRECTION = "That answer was not exactly one JSON object"


def verdict(verdict, line, reason, confidence=0.9):
    return json.dumps({"verdict": verdict, "line": line, "reason": reason, "confidence": confidence})


def judge_code(user_text):
    """A 'model' that knows one rule: code must not read the clock (`Date()`)."""
    for match in re.finditer(r"^\s*(\d+)\| (.*)$", user_text, re.M):
        number, code = int(match.group(1)), match.group(2)
        if "Date()" in code and not code.lstrip().startswith("//"):
            return verdict("violation", number, "reads the clock with Date()")
    if "maybe" in user_text:
        return verdict("unsure", None, "cannot tell from this file", 0.4)
    return verdict("ok", None, "does not read the clock")


def suggest_rules(scenario):
    """`stele rules --suggest`'s 'model', for the judge-app fixture: lines that parse there, and in
    the `suggest-bad` scenario some that do not (a phrase the language lacks, an unknown component)."""
    rules = [
        {"rule": "component App = Sources/Shop/App/**\nDomain must not depend on App", "sentence": "only the app reads the clock."},
        {"rule": "Domain must not use Date", "sentence": "The domain takes the current time as a parameter"},
    ]
    if scenario == "suggest-bad":
        rules += [
            {"rule": "Domain should be kept pure", "sentence": "The domain takes the current time as a parameter"},
            {"rule": "Domian must not import GRDB", "sentence": None},
        ]
    return json.dumps({"rules": rules})


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length).decode("utf-8", "replace")
        parts = self.path.strip("/").split("/")
        scenario = parts[0] if parts else ""
        if LOG_PATH:
            with LOCK, open(LOG_PATH, "a") as log:
                log.write(json.dumps({"path": self.path, "headers": dict(self.headers.items()), "body": raw}) + "\n")
        with LOCK:
            COUNTS[scenario] = COUNTS.get(scenario, 0) + 1
            count = COUNTS[scenario]
        anthropic = self.path.endswith("/v1/messages")
        if not anthropic and not self.path.endswith("/chat/completions"):
            return self.reply(404, '{"error":"not found"}')
        try:
            request = json.loads(raw)
        except ValueError:
            return self.reply(400, '{"error":"body is not JSON"}')
        # The shapes the real APIs require.
        if anthropic:
            if self.headers.get("anthropic-version") is None or "max_tokens" not in request or "system" not in request \
                    or "response_format" in request:
                return self.reply(400, '{"type":"error","error":{"type":"invalid_request_error"}}')
            messages = request.get("messages", [])
        else:
            messages = request.get("messages", [])
            if not messages or messages[0].get("role") != "system" or "model" not in request:
                return self.reply(400, '{"error":{"message":"bad request"}}')
            # `response_format` as OpenAI documents it (llama.cpp's server also takes json_object's `schema`).
            form = request.get("response_format")
            if form is not None:
                if scenario == "rejects-json-schema" and form.get("type") == "json_schema":
                    # What llama-cpp-python 0.3.36's server answers: its request model knows only text and json_object.
                    return self.reply(500, json.dumps({"error": {"message": "1 validation error:\n  {'type': 'literal_error', "
                                                       "'loc': ('body', 'response_format', 'type'), 'msg': \"Input should be "
                                                       "'text' or 'json_object'\"}", "type": "internal_server_error"}}))
                schema = form.get("json_schema", {}).get("schema") if form.get("type") == "json_schema" else form.get("schema")
                if form.get("type") not in ("json_schema", "json_object") or (form.get("type") == "json_schema" and schema is None):
                    return self.reply(400, '{"error":{"message":"invalid response_format"}}')
        users = [m["content"] for m in messages if m.get("role") == "user"]
        user_text = users[0] if users else ""
        retried = any(CORRECTION in u for u in users)
        answer = suggest_rules(scenario) if "BEGIN ADR" in user_text else judge_code(user_text)

        if scenario == "slow":
            time.sleep(6)
        elif scenario == "error500":
            return self.reply(500, '{"error":"internal"}')
        elif scenario == "error500-once" and count == 1:
            return self.reply(503, '{"error":"unavailable"}')
        elif scenario == "rate-limited" and count == 1:
            return self.reply(429, '{"error":"slow down"}', [("Retry-After", "1")])
        elif scenario == "rate-limited-long":
            return self.reply(429, '{"error":"slow down"}', [("Retry-After", "3600")])
        elif scenario == "malformed-once" and not retried:
            answer = "Sure! The code looks fine to me, so the verdict is ok."
        elif scenario == "malformed":
            answer = "```json\n" + answer + "\n```"
        elif scenario == "extra-member":
            answer = answer[:-1] + ', "note": "x"}'
        elif scenario == "not-a-response":
            return self.reply(200, "<html>hello</html>")
        elif scenario == "oversized":
            return self.reply(200, "x" * (2 * 1024 * 1024))
        if anthropic:
            body = {"id": "msg_1", "type": "message", "role": "assistant", "model": request.get("model"),
                    "content": [{"type": "text", "text": answer}], "stop_reason": "end_turn",
                    "usage": {"input_tokens": 10, "output_tokens": 10}}
        else:
            body = {"id": "chatcmpl-1", "object": "chat.completion", "model": request.get("model"),
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": answer}, "finish_reason": "stop"}]}
        self.reply(200, json.dumps(body))


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
