//go:build !amd64 && !arm64

package tags

const G = 2
