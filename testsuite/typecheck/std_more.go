// Larger std packages whose type-checking needs generic instantiation
// (crypto/elliptic's nistCurve[P], go/token's atomic.Pointer[File]), channel
// direction rules (context) and elided &T literals (internal/profile).
// RUN: %golc typecheck net/http
// RUN: %golc typecheck go/types
// RUN: %golc typecheck internal/profile
// RUN: %golc typecheck text/template
// RUN: %golc typecheck os/exec
package main
