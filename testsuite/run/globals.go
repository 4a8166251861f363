// Package-level variables: zero values, initialization in dependency order,
// init functions in source order.
package main

var a = b + 1
var b = f()
var c int
var greeting = "hi " + name
var name = "there"

func f() int { return 41 }

func init() { c = a * 2 }
func init() { println("second init", c) }

func main() {
	println(a, b, c, greeting)
}
