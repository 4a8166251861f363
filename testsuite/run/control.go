// Statements: if/else chains, for loops with break/continue and labels,
// switch with fallthrough and default, goto.
package main

func classify(n int) string {
	switch {
	case n < 0:
		return "negative"
	case n == 0:
		return "zero"
	case n < 10:
		return "small"
	}
	return "large"
}

func grade(n int) int {
	r := 0
	switch n {
	case 1:
		r += 1
		fallthrough
	case 2:
		r += 10
	case 3, 4:
		r += 100
	default:
		r = -1
	}
	return r
}

func main() {
	println(classify(-3), classify(0), classify(5), classify(50))
	println(grade(1), grade(2), grade(4), grade(9))
	s := 0
	for i := 0; i < 10; i++ {
		if i%2 == 0 {
			continue
		}
		if i > 7 {
			break
		}
		s += i
	}
	println(s)
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 2 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			println(i, j)
		}
	}
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	println("goto", i)
	n := 0
	for {
		n++
		if n == 5 {
			break
		}
	}
	println(n)
}
