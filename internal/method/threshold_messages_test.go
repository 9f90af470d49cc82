package method

import (
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// TestThresholdMessages: the warnings of a disqualifying or grade-capping
// threshold are registered (they printed as their keys before).
func TestThresholdMessages(t *testing.T) {
	for key, want := range map[string]string{
		"method.w.thcap":  "unit C1 甲 fails the binding indicator \"A类\" (risk_a = 1): graded no better than 良好",
		"method.w.thdisq": "unit C1 甲 fails the binding indicator \"A类\" (risk_a = 1): it may not win 十强县",
	} {
		last := "良好"
		if key == "method.w.thdisq" {
			last = "十强县"
		}
		got := locale.M(key, "C1", "甲", "A类", "risk_a", 1.0, last).In(locale.EN)
		if got != want || strings.Contains(locale.M(key, "C1", "甲", "A类", "risk_a", 1.0, last).In(locale.ZH), "method.") {
			t.Errorf("%s: %q, want %q", key, got, want)
		}
	}
}
