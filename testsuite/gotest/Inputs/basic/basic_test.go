package basic_test

import (
	"fmt"
	"strings"
	"testing"

	"example.com/basic"
)

func TestAdd(t *testing.T) {
	for i := 0; i < 3; i++ {
		t.Run(fmt.Sprint("case", i), func(t *testing.T) {
			if got := basic.Add(i, i); got != 2*i {
				t.Fatalf("Add(%d, %d) = %d", i, i, got)
			}
		})
	}
}

func TestExported(t *testing.T) {
	if *basic.Secret != 42 {
		t.Fatal("export_test.go")
	}
}

func TestSkipped(t *testing.T) { t.Skip("skipping on purpose") }

// the testing package's own use of strings sees the same package as this one
func TestOneStrings(t *testing.T) {
	var b strings.Builder
	fmt.Fprintf(&b, "%d", 7)
	if b.String() != "7" {
		t.Fatal(b.String())
	}
}

func BenchmarkAdd(b *testing.B) {
	for i := 0; i < b.N; i++ {
		basic.Add(i, i)
	}
}

func ExampleAdd() {
	fmt.Println(basic.Add(2, 3))
	fmt.Println("  five  ")
	// Output:
	// 5
	//   five
}

func ExampleAdd_unordered() {
	fmt.Println("b")
	fmt.Println("a")
	// Unordered output: a
	// b
}

// Not run: no output comment.
func ExampleAdd_noOutput() {
	panic("never run")
}
