package testmain

import (
	"fmt"
	"os"
	"testing"
)

var setup bool

func TestMain(m *testing.M) {
	setup = true
	fmt.Println("TestMain: before")
	code := m.Run()
	fmt.Println("TestMain: after")
	os.Exit(code)
}

func TestSetup(t *testing.T) {
	if !setup {
		t.Fatal("TestMain did not run first")
	}
}
