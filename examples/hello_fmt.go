package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Printf("hello, %s! %d goroutines here\n", strings.ToUpper("world"), 1)
}
