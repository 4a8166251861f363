package badsig

import "testing"

func TestWrong(n int) {}

func BenchmarkWrong(t *testing.T) {}

func TestFine(t *testing.T) {}
