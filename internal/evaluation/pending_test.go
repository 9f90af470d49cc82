package evaluation

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestPendingMark: the store reads the 待认定 marks the method writes.
func TestPendingMark(t *testing.T) {
	if method.PendingPrefix != store.PendingAward {
		t.Errorf("method writes %q, store reads %q", method.PendingPrefix, store.PendingAward)
	}
}
