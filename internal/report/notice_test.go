package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/docx"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/report"
	"github.com/qiangxian/qiangxian/internal/store"
)

// A province of six counties in two prefectures and two types; 十强县 is
// the top 2, 先进县 the top 1 of each type, 进步县 the top 1 riser.
var (
	demoMethod = &method.Method{Title: "县域经济发展综合评价办法（试行）", Sample: true,
		Types: []method.Type{{Name: "城市服务型"}, {Name: "农业优先型"}},
		Nodes: []method.Node{{Code: "index", Name: "综合"}, {Code: "econ", Name: "经济发展", Parent: "index"}},
		Awards: []method.Award{{Name: "十强县", Kind: method.AwardOverall, Count: 2},
			{Name: "先进县", Kind: method.AwardPerType, Count: 1}, {Name: "进步县", Kind: method.AwardRise, Count: 1}}}
	units = map[string]store.Unit{
		"620100": {Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture},
		"620600": {Code: "620600", Name: "武威市", Kind: store.UnitPrefecture},
		"620102": {Code: "620102", Name: "城关区", Kind: store.UnitCounty, Parent: "620100"},
		"620121": {Code: "620121", Name: "永登县", Kind: store.UnitCounty, Parent: "620100"},
		"620122": {Code: "620122", Name: "皋兰县", Kind: store.UnitCounty, Parent: "620100"},
		"620602": {Code: "620602", Name: "凉州区", Kind: store.UnitCounty, Parent: "620600"},
		"620621": {Code: "620621", Name: "民勤县", Kind: store.UnitCounty, Parent: "620600"},
		"620622": {Code: "620622", Name: "古浪县", Kind: store.UnitCounty, Parent: "620600"},
	}
	types = map[string][]string{"620102": {"城市服务型"}, "620602": {"城市服务型"}, "620121": {"农业优先型"},
		"620122": {"农业优先型"}, "620621": {"农业优先型"}, "620622": {"农业优先型", "城市服务型"}}
)

// overall rows: code, score, rank, rank change, awards; group rows follow.
func demoResults() []store.Result {
	type u struct {
		code   string
		score  float64
		change float64
		awards []string
	}
	us := []u{{"620602", 90, 0, []string{"十强县", "先进县(城市服务型)"}}, {"620102", 85, -1, []string{"十强县"}},
		{"620121", 80, 1, []string{"先进县(农业优先型)"}}, {"620622", 70, 3, []string{"进步县"}},
		{"620122", 60, -2, nil}, {"620621", 50, -1, nil}}
	var rows []store.Result
	for i, x := range us {
		rows = append(rows, store.Result{Unit: x.code, Node: "index", Level: 3, Score: x.score, Rank: float64(i + 1),
			GroupRank: math.NaN(), Awards: x.awards, RankChange: x.change, Period: "2022"})
	}
	group := map[string]float64{}
	for _, x := range us {
		for _, t := range types[x.code] {
			group[t]++
			rows = append(rows, store.Result{Unit: x.code, Node: "index", Level: 3, Group: t, GroupRank: group[t],
				Score: x.score, Rank: math.NaN(), RankChange: math.NaN(), Awards: x.awards})
		}
	}
	// Rows of other nodes are ignored.
	rows = append(rows, store.Result{Unit: "620621", Node: "econ", Level: 2, Score: 99, Rank: 1})
	return rows
}

func notice(t *testing.T, vis auth.Visibility) *report.Notice {
	t.Helper()
	n, err := report.BuildNotice(report.NoticeInput{
		Run:    store.Run{ID: 7, Period: "2022", Visibility: vis, State: auth.StatePublished},
		Method: demoMethod, Units: units, Types: types, Results: demoResults(),
		Lifecycle: store.Lifecycle{DocNumber: "甘县评办发〔2023〕3号", NoticeStart: day(2023, 6, 1), NoticeEnd: day(2023, 6, 7)},
		Date:      day(2023, 6, 20),
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestBuildNotice: the award lists in the method's order, each best first,
// per type for 先进县, names with their prefecture; the table follows the
// visibility.
func TestBuildNotice(t *testing.T) {
	n := notice(t, auth.VisFull)
	var got []string
	for _, s := range n.Awards {
		got = append(got, s.Heading)
		for _, g := range s.Groups {
			got = append(got, g.Label+":"+strings.Join(g.Names, "、"))
		}
	}
	want := []string{"一、十强县（2个）", ":武威市凉州区、兰州市城关区", "二、先进县（2个）", "城市服务型:武威市凉州区",
		"农业优先型:兰州市永登县", "三、进步县（1个，名次上升按上年公布名次计算）", ":武威市古浪县"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("award lists (-want +got):\n%s", diff)
	}
	if n.Title != "关于2022年度县域经济发展综合评价结果的通报" || n.DocNumber != "甘县评办发〔2023〕3号" || n.Date != "2023年6月20日" {
		t.Errorf("head: %q %q %q", n.Title, n.DocNumber, n.Date)
	}
	if !strings.Contains(n.Intro[0], "6个县") || !strings.Contains(n.Intro[0], "2023年6月1日至2023年6月7日") {
		t.Errorf("intro: %s", n.Intro[0])
	}
	for vis, rows := range map[auth.Visibility]int{auth.VisFull: 6, auth.VisWinners: 4, auth.VisNone: -1} {
		n := notice(t, vis)
		switch {
		case rows < 0 && n.Attachment != nil:
			t.Errorf("visibility none: an attachment of %d rows", len(n.Attachment.Rows))
		case rows >= 0 && (n.Attachment == nil || len(n.Attachment.Rows) != rows):
			t.Errorf("visibility %s: attachment %+v, want %d rows", vis, n.Attachment, rows)
		}
	}
	if _, err := report.BuildNotice(report.NoticeInput{Run: store.Run{ID: 1}, Method: demoMethod}); err == nil {
		t.Error("a notice without results: no error")
	}
}

// TestNoticeDocx opens the .docx of a notice as Word would: A4 with GB/T
// 9704's margins, the title in 方正小标宋简体 22 pt and the body in
// 仿宋_GB2312 16 pt with their fallbacks, the red masthead and rule, the
// document number, the award lists, and the attached table's rows.
func TestNoticeDocx(t *testing.T) {
	var b bytes.Buffer
	if err := report.NoticeDocument(notice(t, auth.VisFull)).Write(&b); err != nil {
		t.Fatal(err)
	}
	file := b.Bytes()
	doc, styles, fonts := part(t, file, "word/document.xml"), part(t, file, "word/styles.xml"), part(t, file, "word/fontTable.xml")

	// The page: parse sectPr rather than match text.
	var d struct {
		Body struct {
			SectPr struct {
				PgSz struct {
					W int `xml:"w,attr"`
					H int `xml:"h,attr"`
				} `xml:"pgSz"`
				PgMar struct {
					Top    int `xml:"top,attr"`
					Bottom int `xml:"bottom,attr"`
					Left   int `xml:"left,attr"`
					Right  int `xml:"right,attr"`
				} `xml:"pgMar"`
			} `xml:"sectPr"`
		} `xml:"body"`
	}
	if err := xml.Unmarshal([]byte(doc), &d); err != nil {
		t.Fatal(err)
	}
	sp := d.Body.SectPr
	mm := func(tw int) float64 { return math.Round(float64(tw)*25.4/1440*10) / 10 }
	if sp.PgSz.W != 11906 || sp.PgSz.H != 16838 {
		t.Errorf("paper %d × %d twips, want A4", sp.PgSz.W, sp.PgSz.H)
	}
	if got := [4]float64{mm(sp.PgMar.Top), mm(sp.PgMar.Bottom), mm(sp.PgMar.Left), mm(sp.PgMar.Right)}; got != [4]float64{37, 35, 28, 26} {
		t.Errorf("margins (top, bottom, left, right) = %v mm, want 37, 35, 28, 26", got)
	}
	for _, want := range []string{
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="DocTitle"><w:name w:val="公文标题"/>`,
		`w:eastAsia="方正小标宋简体" w:hint="eastAsia"/><w:sz w:val="44"/>`,
		`w:eastAsia="仿宋_GB2312" w:hint="eastAsia"/><w:sz w:val="32"/>`,
		`w:eastAsia="黑体" w:hint="eastAsia"`,
	} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
	for _, want := range []string{`w:name="方正小标宋简体"><w:altName w:val="SimSun"/>`, `w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>`,
		`w:name="楷体_GB2312"><w:altName w:val="KaiTi"/>`} {
		if !strings.Contains(fonts, want) {
			t.Errorf("fontTable.xml lacks %s", want)
		}
	}
	if !strings.Contains(doc, `<w:br/><w:t xml:space="preserve">综合评价结果的通报</w:t>`) {
		t.Error("the title is not broken after 县域经济发展 onto a second line")
	}
	if !strings.Contains(doc, `<w:color w:val="FF0000"/>`) || !strings.Contains(doc, `w:color="FF0000"/></w:pBdr>`) {
		t.Error("no red masthead or red rule")
	}
	text, err := docx.ReadText(file)
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Join(text.Paragraphs, "\n")
	for _, want := range []string{"县域经济发展综合评价工作领导小组办公室文件", "甘县评办发〔2023〕3号",
		"关于2022年度县域经济发展综合评价结果的通报", "一、十强县（2个）", "武威市凉州区、兰州市城关区",
		"城市服务型：武威市凉州区", "农业优先型：兰州市永登县", "三、进步县（1个，名次上升按上年公布名次计算）", "附件：2022年度县域经济发展综合评价排名",
		"2023年6月20日", "示例数据"} {
		if !strings.Contains(paras, want) {
			t.Errorf("the document lacks %q:\n%s", want, paras)
		}
	}
	if len(text.Tables) != 1 || len(text.Tables[0]) != 7 || text.Tables[0][1][1] != "凉州区" || text.Tables[0][0][0] != "综合排名" {
		t.Errorf("the attached table: %v; want a header and 6 rows, 凉州区 first", text.Tables)
	}
}

func part(t *testing.T, file []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
