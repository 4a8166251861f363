// Build constraints select the files of an imported package like go/build:
// every file of Inputs/goroot/src/tags that must be excluded redeclares a
// constant (or is otherwise wrong), every file that must be included declares
// a constant used here.
// RUN: env GOLC_GOROOT=%S/Inputs/goroot %golc typecheck %s
// RUN: env GOLC_GOROOT=%S/Inputs/goroot %golc typecheck tags
package main

import "tags"

const sum = tags.A + tags.B + tags.C + tags.D + tags.E + tags.F + tags.G

var _ [7]int = [sum]int{}

func main() {}
