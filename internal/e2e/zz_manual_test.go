package e2e

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestManualServe(t *testing.T) {
	if os.Getenv("QX_MANUAL") == "" {
		t.Skip()
	}
	s := demo(t)
	os.WriteFile("/tmp/qx-url", []byte(s.URL), 0o644)
	fmt.Println(s.URL)
	time.Sleep(40 * time.Minute)
}
