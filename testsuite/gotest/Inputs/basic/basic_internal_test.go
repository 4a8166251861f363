package basic

import "testing"

func TestSecret(t *testing.T) {
	if secret != 42 {
		t.Fatalf("secret = %d", secret)
	}
}
