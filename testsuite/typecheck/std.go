// The standard packages that type-check with golc (and their imports).
// RUN: %golc typecheck errors
// RUN: %golc typecheck unicode
// RUN: %golc typecheck unicode/utf8
// RUN: %golc typecheck unicode/utf16
// RUN: %golc typecheck math/bits
// RUN: %golc typecheck math
// RUN: %golc typecheck strings
// RUN: %golc typecheck bytes
// RUN: %golc typecheck strconv
// RUN: %golc typecheck sort
// RUN: %golc typecheck container/list
// RUN: %golc typecheck container/heap
// RUN: %golc typecheck container/ring
// RUN: %golc typecheck text/tabwriter
// RUN: %golc typecheck io
// RUN: %golc typecheck bufio
// RUN: %golc typecheck os
// RUN: %golc typecheck sync
// RUN: %golc typecheck sync/atomic
// RUN: %golc typecheck reflect
// RUN: %golc typecheck fmt
// RUN: %golc typecheck time
// RUN: %golc typecheck encoding/json
// RUN: %golc typecheck math/rand
// RUN: %golc typecheck math/big
// RUN: %golc typecheck regexp
// RUN: %golc typecheck path/filepath
// RUN: %golc typecheck runtime
// RUN: %golc typecheck %s
package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
)

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

func main() {
	var mu sync.Mutex
	mu.Lock()
	defer mu.Unlock()
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	var wr io.Writer = w
	fmt.Fprintf(wr, "%d %s\n", 42, strconv.Itoa(7))
	s := byLen(strings.Fields("ccc a bb"))
	sort.Sort(s)
	if err := errors.New("x"); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintln(os.Stderr, s, err)
	}
}
