//go:build linux && (amd64 || arm64) && !cgo && gc && golc && go1.18 && !go1.20

package tags

const A = 1
