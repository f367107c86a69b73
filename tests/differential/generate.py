#!/usr/bin/env python3
"""Random Erlang expressions over pidlab's documented subset, one per line.

The same seed gives the same expressions. Every expression is closed (no
free variables) and compiles under erlc's rules, so a difference between
erl and pidlab is a difference in evaluation or printing.

Usage: generate.py [COUNT] [SEED] > exprs.txt
"""

import random
import sys

ATOMS = ["a", "b", "ok", "error", "true", "false", "undefined", "'hello world'", "x1"]
STRINGS = ['"abc"', '""', '"hello"', '"a\\nb"', '"x"']


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.var = 0

    def pick(self, xs):
        return self.r.choice(xs)

    def fresh(self):
        self.var += 1
        return f"V{self.var}"

    # Values ---------------------------------------------------------------

    def integer(self):
        k = self.r.random()
        if k < 0.6:
            return str(self.r.randint(-10, 20))
        if k < 0.8:
            return str(self.r.randint(-1000, 100000))
        if k < 0.9:
            return str(self.r.randint(-(2**70), 2**70))
        return self.pick(["16#ff", "2#1010", "$a", "$\\n", "36#zz"])

    def floating(self):
        return self.pick(["0.0", "1.0", "-1.5", "3.14", "2.5e3", "1.0e-3", "0.1", "100.0", "-0.0"])

    def number(self, d):
        k = self.r.random()
        if d <= 0 or k < 0.5:
            return self.integer() if self.r.random() < 0.75 else self.floating()
        return self.arith(d - 1)

    def integer_expr(self, d):
        if d <= 0 or self.r.random() < 0.5:
            return self.integer()
        op = self.pick(["+", "-", "*", "div", "rem", "band", "bor", "bxor"])
        return f"({self.integer_expr(d - 1)} {op} {self.integer_expr(d - 1)})"

    def arith(self, d):
        op = self.pick(["+", "-", "*", "/", "div", "rem", "band", "bor", "bxor", "bsl", "bsr"])
        if op in ("bsl", "bsr"):
            return f"({self.integer_expr(d)} {op} {self.r.randint(0, 70)})"
        if op in ("div", "rem", "band", "bor", "bxor"):
            return f"({self.integer_expr(d)} {op} {self.integer_expr(d)})"
        return f"({self.number(d)} {op} {self.number(d)})"

    def atom(self):
        return self.pick(ATOMS)

    def simple(self):
        return self.pick([self.integer, self.floating, self.atom, lambda: self.pick(STRINGS)])()

    def lst(self, d):
        n = self.r.randint(0, 4)
        items = ", ".join(self.term(d - 1) for _ in range(n))
        if n and self.r.random() < 0.1:
            return f"[{items} | {self.term(d - 1)}]"
        return f"[{items}]"

    def int_list(self, d):
        n = self.r.randint(0, 6)
        return "[" + ", ".join(self.number(0) for _ in range(n)) + "]"

    def tuple(self, d):
        n = self.r.randint(0, 4)
        return "{" + ", ".join(self.term(d - 1) for _ in range(n)) + "}"

    def map(self, d):
        n = self.r.randint(0, 3)
        return "#{" + ", ".join(f"{self.simple()} => {self.term(d - 1)}" for _ in range(n)) + "}"

    def term(self, d):
        if d <= 0:
            return self.simple()
        return self.pick(
            [self.simple, self.simple, lambda: self.lst(d), lambda: self.tuple(d), lambda: self.map(d)]
        )()

    # Expressions ----------------------------------------------------------

    def expr(self, d):
        if d <= 0:
            return self.term(0)
        k = self.pick(
            [
                "arith", "arith", "compare", "bool", "bif", "bif", "lists", "lists", "maps",
                "case", "if", "comp", "match", "term", "append", "format", "string",
            ]
        )
        return getattr(self, "e_" + k)(d)

    def e_term(self, d):
        return self.term(d)

    def e_arith(self, d):
        if self.r.random() < 0.2:
            return f"-({self.number(d - 1)})"
        return self.arith(d - 1)

    def e_compare(self, d):
        op = self.pick(["<", ">", "=<", ">=", "==", "/=", "=:=", "=/="])
        return f"({self.expr(d - 1)} {op} {self.expr(d - 1)})"

    def boolean(self, d):
        if d <= 0:
            return self.pick(["true", "false"])
        return self.pick([self.e_compare, lambda d: self.pick(["true", "false"])])(d)

    def e_bool(self, d):
        op = self.pick(["andalso", "orelse", "and", "or", "xor"])
        if self.r.random() < 0.2:
            return f"(not {self.boolean(d - 1)})"
        return f"({self.boolean(d - 1)} {op} {self.boolean(d - 1)})"

    def e_append(self, d):
        op = self.pick(["++", "--"])
        return f"({self.lst(d - 1)} {op} {self.lst(d - 1)})"

    def e_bif(self, d):
        t = self.term(d - 1)
        n = self.number(d - 1)
        l = self.lst(d - 1)
        return self.pick(
            [
                f"abs({n})", f"length({l})", f"hd({l})", f"tl({l})", f"tuple_size({self.tuple(d - 1)})",
                f"element({self.r.randint(0, 4)}, {self.tuple(d - 1)})",
                f"setelement({self.r.randint(1, 3)}, {self.tuple(d - 1)}, {t})",
                f"tuple_to_list({self.tuple(d - 1)})", f"list_to_tuple({l})",
                f"atom_to_list({self.atom()})", f"integer_to_list({self.integer()})",
                "list_to_integer(" + self.pick(['"12"', '"-7"', '"x"', '"0"']) + ")",
                f"float({n})", f"round({n})", f"trunc({n})", f"max({t}, {self.term(d - 1)})",
                f"min({t}, {self.term(d - 1)})", f"is_list({t})", f"is_atom({t})", f"is_tuple({t})",
                f"is_integer({t})", f"is_float({t})", f"is_number({t})", f"is_map({t})",
                f"map_size({self.map(d - 1)})", f"float_to_list({self.floating()})",
                f"list_to_atom({self.pick(STRINGS)})", f"size({self.tuple(d - 1)})",
                f"integer_to_list({self.integer()}, {self.r.randint(2, 36)})",
            ]
        )

    def e_lists(self, d):
        l = self.lst(d - 1)
        il = self.int_list(d - 1)
        t = self.term(d - 1)
        k = self.r.randint(0, 5)
        return self.pick(
            [
                f"lists:reverse({l})", f"lists:sort({l})", f"lists:usort({l})", f"lists:sum({il})",
                f"lists:max({l})", f"lists:min({l})", f"lists:last({l})", f"lists:nth({k}, {l})",
                f"lists:member({t}, {l})", f"lists:append({l}, {l})", f"lists:flatten({self.lst(d)})",
                f"lists:seq({self.r.randint(-3, 5)}, {self.r.randint(-3, 9)})",
                f"lists:seq({self.r.randint(-3, 5)}, {self.r.randint(-3, 9)}, {self.pick([1, 2, -1, -2, 3])})",
                f"lists:duplicate({k}, {t})", f"lists:sublist({l}, {k})", f"lists:split({k}, {l})",
                f"lists:delete({t}, {l})", f"lists:zip({il}, {il})", f"lists:keyfind({t}, 1, {self.lst(d)})",
                f"lists:map(fun(X) -> {{X}} end, {l})", f"lists:filter(fun(X) -> is_integer(X) end, {l})",
                f"lists:foldl(fun(X, A) -> [X | A] end, [], {l})", f"lists:keysort(1, {self.tuple_list(d)})",
                f"lists:nthtail({k}, {l})", f"lists:subtract({l}, {l})", f"lists:all(fun erlang:is_atom/1, {l})",
                f"lists:any(fun erlang:is_number/1, {l})", f"lists:partition(fun erlang:is_atom/1, {l})",
                f"lists:merge(lists:sort({il}), lists:sort({il}))", f"lists:droplast({l})",
                f"lists:zipwith(fun(X, Y) -> X + Y end, {il}, {il})", f"lists:enumerate({l})",
            ]
        )

    def tuple_list(self, d):
        n = self.r.randint(0, 4)
        return "[" + ", ".join("{" + f"{self.simple()}, {self.simple()}" + "}" for _ in range(n)) + "]"

    def e_maps(self, d):
        m = self.map(d - 1)
        k = self.simple()
        return self.pick(
            [
                f"maps:get({k}, {m}, none)", f"maps:put({k}, {self.term(d - 1)}, {m})", f"maps:keys({m})",
                f"maps:values({m})", f"maps:to_list({m})", f"maps:from_list({self.tuple_list(d)})",
                f"maps:size({m})", f"maps:merge({m}, {self.map(d - 1)})", f"maps:remove({k}, {m})",
                f"maps:is_key({k}, {m})", f"maps:find({k}, {m})", f"maps:get({k}, {m})",
                f"({m})#{{{k} => {self.simple()}}}",
            ]
        )

    def e_case(self, d):
        v = self.fresh()
        return (
            f"case {self.expr(d - 1)} of {{{v}, _}} -> {v}; [{v} | _] -> {{head, {v}}}; "
            f"{v} when is_atom({v}) -> {{atom, {v}}}; {v} -> {{other, {v}}} end"
        )

    def guard(self, d):
        """A guard test: comparisons and type tests of plain terms."""
        op = self.pick(["<", ">", "=<", ">=", "==", "/=", "=:=", "=/="])
        test = self.pick([f"({self.term(d)} {op} {self.term(d)})", f"is_list({self.term(d)})", "true"])
        if self.r.random() < 0.3:
            return f"({test} andalso {self.pick(['true', 'false'])})"
        return test

    def e_if(self, d):
        return f"if {self.guard(d - 1)} -> {self.expr(d - 1)}; true -> {self.expr(d - 1)} end"

    def e_comp(self, d):
        v = self.fresh()
        filt = self.pick([f"is_integer({v})", f"{v} > 2", "true", f"{v} =/= a"])
        return f"[{{{v}}} || {v} <- {self.lst(d - 1)}, {filt}]"

    def e_match(self, d):
        a, b = self.fresh(), self.fresh()
        return f"begin {{{a}, {b}}} = {{{self.expr(d - 1)}, {self.expr(d - 1)}}}, [{b}, {a}] end"

    def e_format(self, d):
        f = self.pick(["~p", "~w", "~10p", "~s", "~.2f", "~e", "~b", "~.16B", "~c", "~-6w|", "~6w|"])
        return f"lists:flatten(io_lib:format(\"{f}\", [{self.expr(d - 1)}]))"

    def e_string(self, d):
        s = self.pick(STRINGS)
        return self.pick(
            [
                f"string:tokens({s}, \" \")", f"string:join([{s}, {s}], \", \")",
                f"string:to_upper({s})", f"string:to_lower({s})", f"string:reverse({s})",
                f"string:trim({s})", f"string:length({s})", f"string:split({s}, \"l\")",
                f"string:find({s}, \"l\")", f"string:replace({s}, \"l\", \"L\")",
                f"string:slice({s}, {self.r.randint(0, 3)}, {self.r.randint(0, 3)})",
            ]
        )


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    g = Gen(seed)
    seen = set()
    while len(seen) < count:
        g.var = 0
        e = g.expr(g.r.randint(1, 4))
        if e not in seen:
            seen.add(e)
            print(e)


if __name__ == "__main__":
    main()
