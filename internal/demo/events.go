package demo

import (
	"fmt"
	"sort"
)

// Event is a reported event (events-2022.csv): all are invented sample
// events (示例数据), none happened.
type Event struct {
	Code  string // the county's division code
	Date  string // YYYY-MM-DD
	Type  string
	Dept  string // providing department
	DocNo string // document number (文号)
	Note  string
}

// The event types of the demo method.
const (
	MajorAccident   = "重大安全生产事故"   // veto
	SeriousAccident = "较大安全生产事故"   // −1 each, at most 3
	EcoInspection   = "中央生态环保督察问题" // −0.3 each, at most 1.5
	IllegalDebt     = "违规举债"       // veto
)

// EventTypes returns the four event types the demo method gives an effect.
func EventTypes() []string {
	return []string{SeriousAccident, EcoInspection, MajorAccident, IllegalDebt}
}

// eventKind is how a type of event is reported: by whom, under which
// document prefix.
var eventKind = map[string]struct{ dept, prefix string }{
	MajorAccident:   {"应急管理厅", "甘安委"},
	SeriousAccident: {"应急管理厅", "甘安委"},
	EcoInspection:   {"生态环境厅", "甘环督办"},
	IllegalDebt:     {"财政厅", "甘财债"},
}

// plannedEvents says who gets how many events of which type. The choice
// shows every rule of the method: a veto on 城关区, the largest economy and
// certainly in the top 10, so that the award goes to the next county; a
// veto outside the top; deductions below and above their caps (华亭 4
// serious accidents, capped at 3; 肃北 6 findings, capped at 1.5).
var plannedEvents = []struct {
	code, typ string
	n         int
}{
	{"620102", MajorAccident, 1},
	{"620421", IllegalDebt, 1},
	{"620104", SeriousAccident, 1},
	{"620403", SeriousAccident, 2},
	{"620881", SeriousAccident, 4},
	{"621021", SeriousAccident, 1},
	{"620121", EcoInspection, 2},
	{"620923", EcoInspection, 6},
	{"620702", EcoInspection, 1},
	{"621022", EcoInspection, 3},
	{"620423", EcoInspection, 1},
}

// events2022 returns the planned events with generated dates in 2022 and
// document numbers, sorted by date, then county, then number. One document
// may list several events of a county, as inspection reports do.
func events2022() []Event {
	var out []Event
	used := map[string]bool{}
	for _, p := range plannedEvents {
		k := eventKind[p.typ]
		r := stream(p.code, "event", p.typ)
		for range p.n {
			month, day := 1+r.intn(12), 1+r.intn(28)
			no := 1 + r.intn(60)
			doc := fmt.Sprintf("%s〔2022〕%d号", k.prefix, no)
			for used[doc] { // every document number once
				no++
				doc = fmt.Sprintf("%s〔2022〕%d号", k.prefix, no)
			}
			used[doc] = true
			out = append(out, Event{
				Code: p.code, Date: fmt.Sprintf("2022-%02d-%02d", month, day), Type: p.typ, Dept: k.dept, DocNo: doc,
				Note: "示例数据：虚构事件，仅供演示",
			})
			if p.typ == EcoInspection {
				// Findings of one inspection share its report and date.
				first := out[len(out)-1]
				for k := range p.n {
					e := first
					e.Note = fmt.Sprintf("%s；督察反馈第 %d 项问题", first.Note, k+1)
					if k == 0 {
						out[len(out)-1] = e
					} else {
						out = append(out, e)
					}
				}
				break
			}
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Date != out[b].Date {
			return out[a].Date < out[b].Date
		}
		if out[a].Code != out[b].Code {
			return out[a].Code < out[b].Code
		}
		return out[a].DocNo < out[b].DocNo
	})
	return out
}
