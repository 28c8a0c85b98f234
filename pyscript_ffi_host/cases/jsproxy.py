"""Cases of the contract's section "`js` and `JsProxy`" (row `js.values-read`): a value read from
JS through a JsProxy (an attribute, an item, a call result) -> the Python value it gives.
The other JsProxy operations are tests of tests/test_jsproxy.py."""

from .model import Case

__all__ = ["CASES"]


def _read(cid: str, source: str, expect: str) -> Case:
    return Case(cid, "js.values-read", "js", source, expect)


CASES: list[Case] = [
    # values read from JS through a JsProxy (attribute, item, call result)
    _read("js-null-attribute", "jsf('return {a: null}')().a", "None"),
    _read("js-undefined-attribute", "jsf('return {a: undefined}')().a", "None"),
    _read("js-null-result", "jsf('return null')()", "None"),
    _read("js-null-item", "js.JSON.parse('[null]')[0]", "None"),
    _read("js-true", "js.JSON.parse('[true]')[0]", "True"),
    _read("js-int32-max", "jsf('return 2147483647')()", "2147483647"),
    _read("js-int32-min", "jsf('return -2147483648')()", "-2147483648"),
    _read("js-int-2-31", "jsf('return 2 ** 31')()", "2147483648"),
    _read("js-int-2-40-attribute", "jsf('return {n: 2 ** 40}')().n", "1099511627776"),
    _read("js-date-now-exact", "js.Date.now() > 2 ** 40", "True"),
    _read("js-safe-max", "jsf('return 2 ** 53 - 1')()", "9007199254740991"),
    _read("js-safe-min", "jsf('return -(2 ** 53 - 1)')()", "-9007199254740991"),
    _read("js-unsafe-integral-is-float", "jsf('return 2 ** 53')()", "9007199254740992.0"),
    _read("js-1e21-is-float", "jsf('return 1e21')()", "1000000000000000000000.0"),
    _read("js-float", "jsf('return 0.1')()", "0.1"),
    _read("js-negzero", "jsf('return -0')()", "-0.0"),
    _read("js-nan", "jsf('return NaN')()", "nan"),
    _read("js-infinity", "jsf('return -Infinity')()", "-inf"),
    _read("js-bigint", "jsf('return 2n ** 70n')()", "1180591620717411303424"),
    _read("js-bigint-negative", "jsf('return -(2n ** 64n)')()", "-18446744073709551616"),
    _read("js-string", "jsf('return \"h\\\\u00e9\"')()", '"h\\u{e9}"'),
    _read("js-string-nul", "jsf('return \"a\\\\u0000b\"')()", '"a\\u{0}b"'),
    _read("js-string-astral", "jsf('return \"\\\\u{1F600}\"')()", '"\\u{1f600}"'),
    _read("js-object", "jsf('return {}')()", "JsProxy"),
    _read("js-array", "jsf('return [1]')()", "JsProxy"),
    _read("js-function", "jsf('return () => 1')()", "JsProxy"),
    _read("js-symbol", "jsf('return Symbol(\"s\")')()", "JsProxy"),
    _read(
        "js-revoked-proxy",
        "jsf('const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy')()",
        "JsProxy",
    ),
    _read(
        "js-trapping-proxy",
        "jsf('return new Proxy({}, {getPrototypeOf() { throw 1 }, has() { throw 2 }, get() { throw 3 }})')()",
        "JsProxy",
    ),
    _read("js-function-with-ref", "jsf('const f = () => 1; f._ref = 1; return f')()", "JsProxy"),
]
