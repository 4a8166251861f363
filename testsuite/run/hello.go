// Minimal program: println writes to stderr.
package main

func main() {
	println("hello, world")
}
