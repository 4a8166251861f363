// Package variables initialize in the spec's order, following references
// through function and method bodies (earliest ready variable first).
package main

var a = b + c

var c = f("c", 1)

var b = f("b", 2)

var d = g()

var e = f("e", 5)

func g() int { return e + 1 }

func f(s string, v int) int { println("init", s); return v }

type T struct{}

func (T) m() int { return h }

var x = T{}.m()

var h = f("h", 7)

func main() { println(a, b, c, d, e, x, h) }
