package web

import (
	"net/http"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/notice"
)

func init() {
	registerUI(map[string][2]string{
		"notice.title":    {"关于 %s 年度县域经济发展综合评价结果的通报", "Notice of the county economy evaluation results for %s"},
		"notice.issuer":   {"县域经济发展综合评价工作领导小组办公室", "Office of the county economy evaluation leading group"},
		"notice.intro":    {"根据《%s》，对全省 %d 个县（市、区）%s 年度县域经济发展情况进行了综合评价。现将评价结果通报如下。", "Following “%s”, the county economies of %d counties were evaluated for %s. The results are as follows."},
		"notice.introWin": {"根据《%s》，对全省县（市、区）%s 年度县域经济发展情况进行了综合评价。现将获奖名单通报如下。", "Following “%s”, the county economies were evaluated for %s. The award winners are as follows."},
		"notice.awards":   {"一、获奖名单", "1. Award winners"},
		"notice.ranking":  {"二、综合排名", "2. Overall ranking"},
		"notice.map":      {"三、综合得分分布", "3. Scores on the map"},
		"notice.chart":    {"综合得分前 20 名", "The 20 best overall scores"},
		"notice.pdf":      {"下载 PDF", "Download PDF"},
		"notice.xlsx":     {"下载 Excel", "Download Excel"},
		"notice.record":   {"评价批次 #%d · 数据版本 %d · 状态：%s", "Run #%d · data revision %d · state: %s"},
		"notice.winOnly":  {"按本批次的公开范围，只通报获奖名单。", "This run's visibility publishes the award winners only."},
	})
}

// noticeView is the data of /notice.
type noticeView struct {
	Rank   *rankView
	Map    *mapView
	Ranked int
	Picker runPicker
	// Doc is the notice as one document, the text of /notice.docx,
	// /notice.pdf and /notice.ofd; nil when the caller may not have it.
	Doc *notice.Doc
	// Register shows the form that registers the notice's 文号 and 成文日期
	// (the office, which may change the run).
	Register bool
}

// TopChart is the bar chart of the 20 best scores.
func (v noticeView) TopChart() map[string]any {
	var names []string
	var scores []float64
	for _, r := range v.Rank.Rows[:min(20, len(v.Rank.Rows))] {
		names, scores = append(names, r.Name), append(scores, r.Score)
	}
	return map[string]any{
		"grid":    map[string]any{"left": 8, "right": 16, "top": 16, "bottom": 8, "containLabel": true},
		"tooltip": map[string]any{"trigger": "axis"},
		"xAxis":   map[string]any{"type": "category", "data": names, "axisLabel": map[string]any{"rotate": 45, "interval": 0}},
		"yAxis":   map[string]any{"type": "value", "scale": true},
		"series":  []any{map[string]any{"type": "bar", "data": scores, "itemStyle": map[string]string{"color": "#b3261e"}}},
	}
}

// noticeGet shows the printable notice (通报) of a run: ?run=, else the
// latest published; its award lists, and its ranking table, map and chart
// as far as the caller may see them. ?print=1 drops the menu, as the PDF
// does.
func (s *Server) noticeGet(w http.ResponseWriter, r *http.Request) error {
	run, ok, err := s.pickRun(r)
	if err != nil || !ok {
		if err == nil {
			s.render(w, r, http.StatusOK, "notice", noticeView{})
		}
		return err
	}
	v, err := s.rankingOf(r, run)
	if err != nil {
		return err
	}
	m, err := s.countyMap(r.Context(), pageLang(r), v.Rows)
	if err != nil {
		return err
	}
	nv := noticeView{Rank: v, Map: m, Register: auth.Can(callerOf(r).principal(), auth.Write, runResource(run))}
	// The notice is an official document in Chinese; the English page
	// keeps its summary of the results.
	if _, err := s.noticeTarget(r); err == nil && pageLang(r) != locale.EN {
		if nv.Doc, err = s.noticeDoc(r.Context(), run); err != nil {
			return err
		}
	}
	nv.Ranked, _, _, _ = headline(v.Rows)
	if nv.Picker, err = s.picker(r, "/notice", run.ID, false); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "notice", nv)
	return nil
}
