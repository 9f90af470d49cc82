package workflow

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/locale"
)

func TestTaskStatus(t *testing.T) {
	deadline := time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC)
	// The deadline day ends at 24:00 in China: 16:00 UTC.
	before := time.Date(2024, 3, 15, 15, 59, 0, 0, time.UTC)
	after := time.Date(2024, 3, 15, 16, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		s    Supply
		want TaskStatus
	}{
		{"complete on the last evening", Supply{Expected: 3, Supplied: 3, CompleteAt: before, Deadline: deadline, Now: after}, TaskSupplied},
		{"complete at midnight is late", Supply{Expected: 3, Supplied: 3, CompleteAt: after, Deadline: deadline, Now: after}, TaskLate},
		{"incomplete before the end", Supply{Expected: 3, Supplied: 2, Deadline: deadline, Now: before}, TaskOpen},
		{"incomplete after the end", Supply{Expected: 3, Supplied: 2, Deadline: deadline, Now: after}, TaskMissing},
		{"nothing expected", Supply{Expected: 0, Supplied: 0, Deadline: deadline, Now: after}, TaskSupplied},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.s.Status(); got != tc.want {
				t.Errorf("Status() = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestDecision(t *testing.T) {
	for d, want := range map[Decision]ObjectionState{Keep: ObjectionKept, Correct: ObjectionCorrected} {
		if got, err := d.State(); err != nil || got != want {
			t.Errorf("%s.State() = %s, %v; want %s", d, got, err, want)
		}
	}
	if _, err := Decision("ignore").State(); err == nil {
		t.Error("an unknown decision was accepted")
	}
}

func TestRuleValidate(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		r    Rule
		want string // "" for a valid rule, else a part of the error
	}{
		{"sign", Rule{Name: "GDP ≥ 0", Kind: KindBounds, Severity: Hard, Indicator: "gdp", Lo: 0, Hi: nan}, ""},
		{"no bound", Rule{Name: "x", Kind: KindBounds, Severity: Hard, Lo: nan, Hi: nan}, "bound"},
		{"crossed bounds", Rule{Name: "x", Kind: KindBounds, Severity: Hard, Lo: 5, Hi: 1}, "above"},
		{"sum", Rule{Name: "x", Kind: KindSum, Severity: Hard, Indicator: "t", Parts: []string{"a", "b"}, Threshold: 0.001}, ""},
		{"sum of one", Rule{Name: "x", Kind: KindSum, Severity: Hard, Indicator: "t", Parts: []string{"a"}}, "two parts"},
		{"ratio of itself", Rule{Name: "x", Kind: KindRatio, Severity: Soft, Indicator: "a", Other: "a", Lo: 0, Hi: 1}, "two different"},
		{"change without threshold", Rule{Name: "x", Kind: KindChange, Severity: Soft}, "threshold"},
		{"no name, bad severity", Rule{Kind: KindChange, Threshold: 0.3, Severity: "maybe"}, "name"},
		{"unknown kind", Rule{Name: "x", Kind: "vibes", Severity: Soft}, "unknown rule kind"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.r.Validate()
			switch {
			case tc.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Errorf("Validate() = %v, want an error with %q", err, tc.want)
			}
		})
	}
}

// finding is a Finding as the tests compare it.
type finding struct {
	Rule            int64
	Unit, Indicator string
	Message         string
}

func TestEvaluate(t *testing.T) {
	nan := math.NaN()
	rules := []Rule{
		{ID: 1, Name: "非负", Kind: KindBounds, Severity: Hard, Indicator: "gdp", Lo: 0, Hi: nan, Enabled: true},
		{ID: 2, Name: "三产合计", Kind: KindSum, Severity: Hard, Indicator: "gdp", Parts: []string{"p1", "p2", "p3"}, Threshold: 0.001, Enabled: true},
		{ID: 3, Name: "变动30%", Kind: KindChange, Severity: Soft, Threshold: 0.3, Enabled: true},
		{ID: 4, Name: "历史区间", Kind: KindHistory, Severity: Soft, Indicator: "gdp", Threshold: 0.1, Enabled: true},
		{ID: 5, Name: "零售/GDP", Kind: KindRatio, Severity: Soft, Indicator: "retail", Other: "gdp", Lo: 0.1, Hi: 0.8, Enabled: true},
		{ID: 6, Name: "disabled", Kind: KindBounds, Severity: Hard, Lo: 1e9, Hi: nan, Enabled: false},
	}
	in := Input{
		Figures: []Figure{
			{"A", "gdp", -5},                                                     // negative: bounds; sum uses stored parts
			{"B", "gdp", 100}, {"B", "p1", 10}, {"B", "p2", 30}, {"B", "p3", 60}, // consistent
			{"C", "gdp", 100}, {"C", "p1", 10}, {"C", "p2", 30}, {"C", "p3", 50}, // 100 ≠ 90
			{"D", "gdp", 140},   // +40 % on last year; above its history
			{"D", "rate", 9},    // a rate: the all-indicator change rule skips it
			{"E", "retail", 90}, // 90 / stored gdp 100 = 0.9: the ratio
			{"F", "gdp", nan},   // NA: no rule judges it
		},
		Stored:   map[Key]float64{{"A", "p1"}: 1, {"A", "p2"}: 1, {"A", "p3"}: 1, {"E", "gdp"}: 100},
		Previous: map[Key]float64{{"D", "gdp"}: 100, {"D", "rate"}: 3, {"B", "gdp"}: 95},
		History:  map[Key][]float64{{"D", "gdp"}: {90, 95, 100}, {"B", "gdp"}: {90, 95}},
		Measures: map[string]string{"rate": "%", "gdp": "亿元"},
	}
	var got []finding
	for _, f := range Evaluate(rules, in) {
		got = append(got, finding{f.RuleID, f.Unit, f.Indicator, f.Msg.In(locale.ZH)})
	}
	want := []finding{
		{1, "A", "gdp", "数值 -5 超出允许范围 [0, +∞]（规则：非负）"},
		{2, "A", "gdp", "合计 -5 与分项（p1 + p2 + p3）之和 3 不符（规则：三产合计）"},
		{2, "C", "gdp", "合计 100 与分项（p1 + p2 + p3）之和 90 不符（规则：三产合计）"},
		{3, "D", "gdp", "较上年同期 100 变动 40%，超过 ±30%（规则：变动30%）"},
		{4, "D", "gdp", "数值 140 超出本单位历史区间 [81, 110]（3 个历史数值，规则：历史区间）"},
		{5, "E", "retail", "retail ÷ gdp = 0.9，超出合理区间 [0.1, 0.8]（规则：零售/GDP）"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Evaluate (-want +got):\n%s", diff)
	}
	hard, soft := Split(Evaluate(rules, in))
	if len(hard) != 3 || len(soft) != 3 {
		t.Errorf("Split: %d hard, %d soft; want 3 and 3", len(hard), len(soft))
	}
	if diff := cmp.Diff([]Key{{"D", "gdp"}, {"E", "retail"}}, Flagged(soft)); diff != "" {
		t.Errorf("Flagged (-want +got):\n%s", diff)
	}
}

// TestEvaluateRatioAttachesToTheUpload: when only the denominator is
// uploaded (统计局's GDP against 商务厅's stored retail sales), the finding
// is about the uploaded GDP.
func TestEvaluateRatioAttachesToTheUpload(t *testing.T) {
	rules := []Rule{{ID: 1, Name: "r", Kind: KindRatio, Severity: Soft, Indicator: "retail", Other: "gdp", Lo: 0.1, Hi: 0.8, Enabled: true}}
	fs := Evaluate(rules, Input{Figures: []Figure{{"A", "gdp", 10}}, Stored: map[Key]float64{{"A", "retail"}: 9}})
	if len(fs) != 1 || fs[0].Indicator != "gdp" || fs[0].Value != 10 {
		t.Fatalf("findings %+v, want one about A's gdp", fs)
	}
	if fs := Evaluate(rules, Input{Stored: map[Key]float64{{"A", "retail"}: 9, {"A", "gdp"}: 10}}); len(fs) != 0 {
		t.Errorf("stored figures alone gave findings %+v", fs)
	}
}

func TestCheckAttachment(t *testing.T) {
	pdf := []byte("%PDF-1.7\n...")
	tests := []struct {
		name     string
		file     string
		content  []byte
		wantType string // "" when refused
	}{
		{"pdf", "证明材料.pdf", pdf, "application/pdf"},
		{"png with a path", `C:\scans\回函.PNG`, []byte("\x89PNG\r\n\x1a\nrest"), "image/png"},
		{"docx", "答复.docx", []byte("PK\x03\x04rest"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
		{"renamed executable", "evil.pdf", []byte("MZ\x90\x00"), ""},
		{"unknown type", "run.exe", []byte("MZ"), ""},
		{"empty", "a.pdf", nil, ""},
		{"too large", "big.pdf", append(pdf, make([]byte, MaxAttachment)...), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			base, typ, err := CheckAttachment(tc.file, tc.content)
			if tc.wantType == "" {
				if err == nil {
					t.Errorf("accepted as %s", typ)
				}
				return
			}
			if err != nil || typ != tc.wantType || strings.ContainsAny(base, `/\`) {
				t.Errorf("CheckAttachment = %q, %q, %v; want a base name and %s", base, typ, err, tc.wantType)
			}
		})
	}
}
