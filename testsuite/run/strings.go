// Strings: literals, concatenation, comparison, len, indexing, escapes.
package main

func greet(name string) string { return "hello, " + name + "!" }

func main() {
	s := greet("gopher")
	println(s, len(s))
	println("abc" < "abd", "abc" == "ab"+"c", "b" > "abc", "" < "a")
	t := "héllo\t\"q\"\n"
	print(t)
	println(len(t), t[1], t[2])
	u := ""
	for i := 0; i < 5; i++ {
		u += string(rune('a' + i))
	}
	println(u)
	println(`raw\n`, "\x41\u00e9\U0001F600")
}
