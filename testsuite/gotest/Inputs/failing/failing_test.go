package failing

import (
	"fmt"
	"testing"
)

func TestGood(t *testing.T) {}

func TestBad(t *testing.T) {
	t.Errorf("Mul(2, 3) = %d, want %d", Mul(2, 3), 7)
}

func ExampleMul() {
	fmt.Println(Mul(2, 2))
	// Output: 5
}
