// Package disttest holds the release test of issue 23 (install_test.go):
// it builds the linux/amd64 archive with scripts/dist.sh, installs it in a
// temporary root, starts the binary with the example configuration
// serving TLS on loopback, signs on through a test OpenID provider
// (internal/ssotest) and reads a page. The package has no other code.
package disttest
