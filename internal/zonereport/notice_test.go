package zonereport_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/notice"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// TestNoticeDoc: a signed notice laid out on the shared document model
// prints the issuer, the registered 文号 and date, 经…同意, the 优秀 list
// of each group, the streaks, each management action and the ranking as
// the annex; unsigned, it prints neither 文号 nor date.
func TestNoticeDoc(t *testing.T) {
	n := &zonereport.Notice{Year: 2025, Sample: true, Title: "关于2025年度全省开发区考核评价结果的通报",
		Intro:     "根据《办法》，对全省 3 个开发区 2025 年度发展情况进行了考核评价，分 2 组排名。现将评价结果通报如下。",
		Excellent: []zonereport.GroupNames{{Group: "中部", Names: []string{"甲开发区", "乙开发区"}}, {Group: "河西"}},
		Streaks:   []zonereport.Item{{Code: "A", Name: "甲开发区", Note: "连续3年被评为优秀（2023—2025年）"}},
		Actions: []zonereport.ActionList{
			{Action: "降级预警", Items: []zonereport.Item{{Code: "C", Name: "丙开发区", Note: "2024、2025年"}}},
			{Action: "升级推荐", Consequences: "奖补万元 500", Items: []zonereport.Item{{Code: "A", Name: "甲开发区", Note: "2025年"}}},
			{Action: "约谈"},
		},
		Header: []string{"组别", "组内名次", "开发区", "得分", "等级", "连续年数", "动态管理"},
		Rows:   [][]string{{"中部", "1", "甲开发区", "90.00", "优秀", "3", "升级推荐"}},
	}
	unsigned := n.Doc()
	if unsigned.DocNumber != "" || unsigned.Date != "" {
		t.Errorf("unsigned: 文号 %q, date %q", unsigned.DocNumber, unsigned.Date)
	}
	n.Sign("经领导小组同意", "甘开发区办发〔2026〕3号", "2026年6月20日")
	d := n.Doc()
	got := d.Paragraphs()
	want := []string{
		zonereport.Issuer + "文件", "甘开发区办发〔2026〕3号", "关于2025年度全省开发区考核评价结果的通报",
		"各市（州）人民政府，兰州新区管委会，省直有关部门：",
		"根据《办法》，对全省 3 个开发区 2025 年度发展情况进行了考核评价，分 2 组排名。经领导小组同意，现将评价结果通报如下。",
		"一、考核评价为优秀的开发区", "中部：甲开发区、乙开发区", "河西：空缺",
		"二、连续多年被评为优秀的开发区", "甲开发区：连续3年被评为优秀（2023—2025年）。",
		"三、动态管理", "降级预警：丙开发区（2024、2025年）", "升级推荐（奖补万元 500）：甲开发区（2025年）", "约谈：空缺",
		zonereport.Closing, "附件：2025年度全省开发区考核评价分组排名",
		zonereport.Issuer, "2026年6月20日", "（此件公开发布）",
		"附件", "2025年度全省开发区考核评价分组排名", "组别 组内名次 开发区 得分 等级 连续年数 动态管理",
		"中部 1 甲开发区 90.00 优秀 3 升级推荐",
	}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Watermark != "示例" {
		t.Errorf("watermark %q", d.Watermark)
	}
	for _, p := range d.Body {
		if p.Kind == notice.Labelled && !p.List {
			t.Errorf("%q is not a list", p.Full())
		}
	}
}
