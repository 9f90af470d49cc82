package notice

import (
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
)

func TestBuild(t *testing.T) {
	d, err := Build(fixture(t, auth.VisFull))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(d.Paragraphs(), "\n")
	for _, want := range []string{
		"××省县域经济发展综合评价工作领导小组办公室（示例）文件",
		"示例〔2023〕1号",
		"××省县域经济发展综合评价工作领导小组办公室（示例）关于2022年度县域经济发展综合评价结果的通报",
		"根据《××省县域经济发展综合评价考核办法（试行）》（示例〔2021〕41号），对全省30个县（市、区）2022年度县域经济发展情况进行了综合评价。经省政府同意，现将评价结果通报如下。",
		"一、总体情况",
		// 3000 + 435 = 3435; i = 10 … 29 are above 109: 20.
		"2022年度，参评县（市、区）地区生产总值合计3435亿元，超过109亿元的20个。",
		"（一）十强县（10个）",
		"（二）先进县（10个）",
		"城市服务型：兰州市示例1县、兰州市示例6县",
		"（三）进步县（10个）",
		"进步县的名次上升按上年公布的综合名次计算。",
		"嘉峪关市示例30县因发生较大安全生产事故，实行一票否决，不参加本年度评奖。",
		"三、奖励措施",
		"对获评十强县、先进县、进步县的县（市、区）予以通报表扬；对十强县授牌；对先进县授牌；对进步县授牌，每个奖励5000万元。",
		"四、工作要求",
		"附件：1．2022年度县域经济发展综合评价综合排名",
		"2023年6月8日",
		"（此件公开发布）",
		"抄送：省委办公厅，省人大常委会办公厅。",
		"××省县域经济发展综合评价工作领导小组办公室 2023年6月8日印发",
		"1 示例1县 兰州市 城市服务型 90.00 ↑30 十强县、先进县（城市服务型）",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.ContainsAny(text, "()") {
		t.Error("half-width brackets in the notice")
	}
	if regexp.MustCompile(`[0-9a-f]{8,}`).MatchString(text) {
		t.Error("a hex identifier is printed")
	}
	// One overall table and one per type (5).
	if len(d.Annexes) != 6 || len(d.Annexes[0].Rows) != 30 || len(d.Annexes[1].Rows) != 6 {
		t.Errorf("annexes: %d tables", len(d.Annexes))
	}
	if d.Watermark != "示例" {
		t.Errorf("watermark %q, want 示例 (the method is a sample)", d.Watermark)
	}
}

func TestBuildVisibility(t *testing.T) {
	for _, tc := range []struct {
		vis     auth.Visibility
		annexes int
	}{{auth.VisWinners, 0}, {auth.VisFull, 6}} {
		t.Run(string(tc.vis), func(t *testing.T) {
			d, err := Build(fixture(t, tc.vis))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Annexes) != tc.annexes || len(d.AnnexNote) != tc.annexes {
				t.Errorf("%d annexes and %d notes, want %d", len(d.Annexes), len(d.AnnexNote), tc.annexes)
			}
		})
	}
}

func TestBuildApprovalAndCorrection(t *testing.T) {
	in := fixture(t, auth.VisWinners)
	in.Approval = &Approval{Approver: "省人民政府"}
	in.Settings.VetoOmit = true
	in.Correction = &Correction{Replaces: "示例〔2023〕1号", Changes: []AwardChange{
		{Unit: "兰州市示例11县", Award: "进步县", Added: true}, {Unit: "兰州市示例12县", Award: "进步县"}}}
	d, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(d.Paragraphs(), "\n")
	for _, want := range []string{"经省人民政府同意，现将评价结果通报如下。",
		"经复核，对《示例〔2023〕1号》的评价结果作如下更正：兰州市示例11县增列为进步县；兰州市示例12县不再列为进步县。"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if strings.Contains(text, "一票否决") {
		t.Error("the veto is said although the settings omit it")
	}
}

func TestOverride(t *testing.T) {
	base := Settings{Issuer: "A", Rewards: map[string]string{"十强县": "x", "进步县": "y"}, Note: "n"}
	got := base.Override(Settings{Issuer: "B", Rewards: map[string]string{"进步县": "z"}})
	want := Settings{Issuer: "B", Rewards: map[string]string{"十强县": "x", "进步县": "z"}, Note: "n"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
	if base.Rewards["进步县"] != "y" {
		t.Error("Override changed its receiver's map")
	}
}
