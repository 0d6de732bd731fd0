"""Drives Baidu's official Python SDK (bce-sdk-python) for the tests in this folder.

Each line on stdin is one call, as JSON:
    {"client": "peerconn", "method": "create_peerconn", "kwargs": {...},
     "endpoint": "http://127.0.0.1:8080", "credentials": {"ak": "...", "sk": "..."},
     "config": {"security_token": "...", "retry": {"max_error_retry": 0}}}
and each answer is one line on stdout:
    {"ok": true, "attrs": {...}, "body": {...} | null, "metadata": {...}}
    {"ok": false, "error": {"type": "BceHttpClientError", "code": ..., "status_code": ..., "cause": {...}}}
A keyword value {"$model": "<module under baidubce>.<Class>", "kwargs": {...}} is built as that class (e.g. a
Billing or a TagModel), in lists too. `--check` only imports the SDK and prints where it came from.

The SDK is used unmodified: it is found through $BCE_SDK_PYTHON, or as shared/tools/bce-sdk-python beside the
repository (or one level higher, for git worktrees), and its `Crypto` import is pointed at Debian's
`Cryptodome` (python3-pycryptodome) here, before baidubce is imported.
"""
import importlib
import json
import os
import sys
import traceback

CLIENTS = {
    "peerconn": "baidubce.services.vpc.peerconn_client.PeerConnClient",
    "vpc": "baidubce.services.vpc.vpc_client.VpcClient",
    "subnet": "baidubce.services.subnet.subnet_client.SubnetClient",
    "route": "baidubce.services.route.route_client.RouteClient",
}


def find_sdk():
    explicit = os.environ.get("BCE_SDK_PYTHON")
    if explicit:
        return explicit
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    for up in ("..", os.path.join("..", "..")):
        candidate = os.path.normpath(os.path.join(root, up, "shared", "tools", "bce-sdk-python"))
        if os.path.isdir(os.path.join(candidate, "baidubce")):
            return candidate
    raise RuntimeError("bce-sdk-python not found: set BCE_SDK_PYTHON or put it at ../shared/tools/bce-sdk-python")


def alias_crypto():
    """Makes `Crypto` (pip's pycryptodome) an alias of `Cryptodome` (Debian's python3-pycryptodome)."""
    try:
        import Crypto.Cipher.AES  # noqa: F401 (pip's pycryptodome, when present)
        return
    except ImportError:
        pass
    import Cryptodome.Cipher.AES  # noqa: F401

    for name, module in list(sys.modules.items()):
        if name == "Cryptodome" or name.startswith("Cryptodome."):
            sys.modules["Crypto" + name[len("Cryptodome"):]] = module


def load_sdk():
    sdk = find_sdk()
    sys.dont_write_bytecode = True  # never write __pycache__ into the SDK's folder (shared, read-only in CI)
    sys.path.insert(0, sdk)
    alias_crypto()
    import baidubce

    return sdk, baidubce


def resolve(path):
    module, _, name = path.rpartition(".")
    if not module.startswith("baidubce."):
        raise ValueError("only classes of baidubce can be built, not " + path)
    return getattr(importlib.import_module(module), name)


def build(value):
    if isinstance(value, list):
        return [build(item) for item in value]
    if isinstance(value, dict):
        if "$model" in value:
            return resolve(value["$model"])(**build(value.get("kwargs", {})))
        return {key: build(item) for key, item in value.items()}
    return value


def plain(value):
    """JSON-safe copy of what the SDK returns (Expando objects, bytes)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if hasattr(value, "__dict__"):
        return plain(vars(value))
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def error_of(error):
    out = {"type": type(error).__name__, "message": str(error).split("\n")[0][:500]}
    for key in ("status_code", "code", "request_id"):
        if getattr(error, key, None) is not None:
            out[key] = plain(getattr(error, key))
    cause = getattr(error, "last_error", None)
    if cause is not None:
        out["cause"] = error_of(cause)
    return out


def call(request):
    from baidubce.auth.bce_credentials import BceCredentials
    from baidubce.bce_client_configuration import BceClientConfiguration
    from baidubce.retry.retry_policy import BackOffRetryPolicy

    options = dict(request.get("config") or {})
    retry = options.pop("retry", None)
    config = BceClientConfiguration(
        credentials=BceCredentials(request["credentials"]["ak"], request["credentials"]["sk"]),
        endpoint=request["endpoint"],
        retry_policy=BackOffRetryPolicy(**retry) if retry is not None else None,
        **options,
    )
    client = resolve(CLIENTS.get(request["client"], request["client"]))(config)
    try:
        response = getattr(client, request["method"])(**build(request.get("kwargs") or {}))
    except Exception as error:  # every failure is an answer: the test decides what it means
        return {"ok": False, "error": error_of(error)}
    attrs = {k: v for k, v in vars(response).items() if k not in ("metadata", "raw_data", "status_code")}
    raw = getattr(response, "raw_data", None)
    return {
        "ok": True,
        "attrs": plain(attrs),
        "body": json.loads(raw) if raw else None,
        "metadata": plain(response.metadata),
    }


def main():
    sdk, baidubce = load_sdk()
    if sys.argv[1:] == ["--check"]:
        print("baidubce %s from %s" % (baidubce.SDK_VERSION.decode() if isinstance(baidubce.SDK_VERSION, bytes) else baidubce.SDK_VERSION, sdk))
        return
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            answer = call(json.loads(line))
        except Exception:  # a bad request line from the test, not a client failure
            answer = {"ok": False, "error": {"type": "DriverError", "message": traceback.format_exc()[-2000:]}}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    try:
        main()
    except Exception as error:
        sys.stderr.write("python-sdk driver: %s\n" % error)
        sys.exit(1)
