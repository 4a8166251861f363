package main

// Comparisons of string(b) read the bytes in place; the operands are
// evaluated as gc evaluates them (calls in the other operand first).

var b = []byte("abc")

func mutate() string {
	b[0] = 'x'
	return "xbc"
}

func main() {
	println(string(b) == "abc", string(b) < "abd", "abd" > string(b), string(b) != string(b[:2]))
	println(string(b) == mutate())
	var nilb []byte
	println(string(nilb) == "", string(b[:0]) == string(nilb))
}
