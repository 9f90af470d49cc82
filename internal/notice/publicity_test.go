package notice

import (
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestWorkingDays(t *testing.T) {
	for _, tc := range []struct {
		name       string
		start, end time.Time
		want       int
	}{
		// Thu 1 June … Wed 7 June 2023: Thu, Fri, Mon, Tue, Wed.
		{"over a weekend", day(2023, 6, 1), day(2023, 6, 7), 5},
		{"one day", day(2023, 6, 5), day(2023, 6, 5), 1},
		{"a weekend only", day(2023, 6, 3), day(2023, 6, 4), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := WorkingDays(tc.start, tc.end); got != tc.want {
				t.Errorf("WorkingDays = %d, want %d", got, tc.want)
			}
		})
	}
	// From Saturday 3 June, five working days: Mon 5 … Fri 9.
	if got := AddWorkingDays(day(2023, 6, 3), 5); !got.Equal(day(2023, 6, 9)) {
		t.Errorf("AddWorkingDays = %s, want 2023-06-09", got.Format(time.DateOnly))
	}
}

func TestBuildPublicity(t *testing.T) {
	in := fixture(t, auth.VisFull)
	in.Settings.Phone, in.Settings.Address, in.Settings.WindowDays = "0931-0000000", "××路1号", 5
	in.Today = time.Date(2023, 6, 3, 10, 0, 0, 0, time.UTC) // a Saturday
	d, err := BuildPublicity(in)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(d.Paragraphs(), "\n")
	for _, want := range []string{
		"关于2022年度县域经济发展综合评价拟表彰名单的公示",
		"公示期为2023年6月3日至2023年6月9日（5个工作日）。",
		"（一）十强县（10个）", "城市服务型：兰州市示例1县、兰州市示例6县",
		"单位反映情况的，须加盖本单位公章；个人反映情况的，须署真实姓名并提供联系方式。",
		"联系电话：0931-0000000；通信地址：××路1号。",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if len(d.Annexes) != 0 || d.Masthead != "" || strings.Contains(text, "一票否决") || strings.Contains(text, "奖励措施") {
		t.Error("the 公示 carries annexes, a masthead, vetoes or rewards")
	}
}
