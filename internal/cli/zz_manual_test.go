package cli

import (
	"os"
	"strings"
	"testing"
)

func TestZZManual(t *testing.T) {
	a := os.Getenv("QX_ARGS")
	if a == "" {
		t.Skip()
	}
	code, out, errs := runMethodEval(t, strings.Fields(a)...)
	t.Logf("exit %d\n%s\n%s", code, out, errs)
}
