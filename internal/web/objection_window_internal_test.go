package web

import (
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestWindowErrorReasons renders the refusal of an objection for each
// reason: a run told it is outside its window when the window is not the
// reason would send the county looking for dates that do not matter.
func TestWindowErrorReasons(t *testing.T) {
	d := func(m, day int) time.Time { return time.Date(2023, time.Month(m), day, 0, 0, 0, 0, store.ChinaTime) }
	tests := []struct {
		name   string
		we     store.WindowError
		zh, en string
	}{
		{"published, after its window", store.WindowError{Run: 7, State: auth.StatePublished, Start: d(6, 1), End: d(6, 7), Today: d(6, 20)},
			"该批次处于“发布”阶段，不受理异议：异议只在公示和异议处理阶段受理",
			"the run is in the state “published”, which takes no objections: they are taken in public notice and objection handling only"},
		{"draft", store.WindowError{Run: 7, State: auth.StateDraft, Today: d(6, 20)},
			"该批次处于“草稿”阶段，不受理异议：异议只在公示和异议处理阶段受理",
			"the run is in the state “draft”, which takes no objections: they are taken in public notice and objection handling only"},
		{"superseded in notice", store.WindowError{Run: 7, State: auth.StateNotice, Start: d(6, 1), End: d(6, 7), Today: d(6, 3), SupersededBy: 9},
			"批次 #7 已被重算批次 #9 取代，不再受理异议：请对新批次提出",
			"run 7 is superseded by run 9 and takes no more objections: object to the new run"},
		{"in notice without a window", store.WindowError{Run: 7, State: auth.StateNotice, Today: d(6, 3)},
			"不在异议期内：该批次未设定公示起止日期（状态：公示）",
			"objections are closed: the run has no public notice window (state public notice)"},
		{"in notice after the window", store.WindowError{Run: 7, State: auth.StateObjections, Start: d(6, 1), End: d(6, 7), Today: d(6, 20)},
			"不在异议期内：异议只能在公示期 2023-06-01 至 2023-06-07 内提出（今天是 2023-06-20）",
			"objections are closed: they may be raised from 2023-06-01 to 2023-06-07 only (today is 2023-06-20)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			we := tc.we
			e := asError(windowError(&we), locale.ZH)
			if e.Code != EConflict || e.Msg.In(locale.ZH) != tc.zh || e.Msg.In(locale.EN) != tc.en {
				t.Errorf("got %s %q / %q\nwant conflict %q / %q", e.Code, e.Msg.In(locale.ZH), e.Msg.In(locale.EN), tc.zh, tc.en)
			}
		})
	}
}
