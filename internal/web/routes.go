package web

import "net/http"

// routes lists every route of the server, top to bottom. Every /api/v1
// route is described in openapi.json (a test checks that the two agree).
// Reads of catalogues and of published runs are open; everything else asks
// auth.Can inside its handler, with a Resource filled from the store.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()

	mux.HandleFunc("GET /healthz", s.healthGet)

	// Browser login: a form, a session cookie, CSRF checked by origin.
	mux.HandleFunc("GET /login", s.loginForm)
	mux.HandleFunc("POST /login", s.loginCreate)
	mux.HandleFunc("POST /logout", s.logoutCreate)

	// Single sign-on (issue 23; login_oidc.go, login_cas.go): OIDC
	// authorization code + PKCE and CAS 3.0, when configured.
	mux.HandleFunc("GET /login/oidc", s.oidcStart)
	mux.HandleFunc("GET /login/oidc/callback", s.oidcCallback)
	mux.HandleFunc("GET /login/cas", s.casStart)
	mux.HandleFunc("GET /login/cas/callback", s.casCallback)

	// JSON API.
	mux.HandleFunc("GET /api/v1/openapi.json", s.openapiGet)
	mux.Handle("GET /api/v1/me", s.api(s.meGet))
	mux.Handle("POST /api/v1/tokens", s.api(s.tokenCreate))
	mux.Handle("GET /api/v1/tokens", s.api(s.tokenList))
	mux.Handle("DELETE /api/v1/tokens/{id}", s.api(s.tokenDelete))

	mux.Handle("GET /api/v1/units", s.api(s.unitList))
	mux.Handle("PUT /api/v1/units", s.api(s.unitPut))
	mux.Handle("GET /api/v1/units/{code}", s.api(s.unitGet))
	mux.Handle("PUT /api/v1/units/{code}/types", s.api(s.unitTypes))
	mux.Handle("GET /api/v1/units/{code}/history", s.api(s.unitHistory))
	mux.Handle("POST /api/v1/unit-changes", s.api(s.unitChangeCreate))
	mux.Handle("GET /api/v1/indicators", s.api(s.indicatorList))
	mux.Handle("PUT /api/v1/indicators", s.api(s.indicatorPut))
	mux.Handle("GET /api/v1/indicators/{code}", s.api(s.indicatorGet))
	mux.Handle("GET /api/v1/periods", s.api(s.periodList))

	mux.Handle("GET /api/v1/observations", s.api(s.observationList))
	mux.Handle("POST /api/v1/observations", s.api(s.observationImport))
	mux.Handle("POST /api/v1/observations/status", s.api(s.observationStatus))
	mux.Handle("GET /api/v1/events", s.api(s.eventList))
	mux.Handle("POST /api/v1/events", s.api(s.eventCreate))
	mux.Handle("GET /api/v1/revisions", s.api(s.revisionList))
	mux.Handle("GET /api/v1/revisions/{id}", s.api(s.revisionGet))

	mux.Handle("GET /api/v1/methods", s.api(s.methodList))
	mux.Handle("POST /api/v1/methods", s.api(s.methodCreate))
	mux.Handle("GET /api/v1/methods/{id}", s.api(s.methodGet))

	mux.Handle("GET /api/v1/runs", s.api(s.runList))
	mux.Handle("POST /api/v1/runs", s.api(s.runCreate))
	mux.Handle("GET /api/v1/runs/{id}", s.api(s.runGet))
	mux.Handle("POST /api/v1/runs/{id}/transitions", s.api(s.runTransition))
	mux.Handle("GET /api/v1/runs/{id}/history", s.api(s.runHistory))
	mux.Handle("PUT /api/v1/runs/{id}/visibility", s.api(s.runVisibility))
	mux.Handle("GET /api/v1/runs/{id}/results", s.api(s.resultList))

	// Investment attraction (issue 16; api_invest_*.go): the ledger's
	// metrics by place and period, and dated stage changes.
	mux.Handle("GET /api/v1/invest/metrics", s.cachedAPI(s.investMetrics))
	mux.Handle("POST /api/v1/invest/projects/{id}/stages", s.api(s.investStageCreate))

	mux.Handle("GET /api/v1/audit", s.api(s.auditExport))
	mux.Handle("GET /api/v1/users", s.api(s.userList))
	mux.Handle("POST /api/v1/users", s.api(s.userCreate))
	mux.Handle("GET /api/v1/users/{username}", s.api(s.userGet))
	mux.Handle("PUT /api/v1/users/{username}/password", s.api(s.userPassword))
	mux.Handle("PUT /api/v1/users/{username}/role", s.api(s.userRole))
	mux.Handle("PUT /api/v1/users/{username}/disabled", s.api(s.userDisable))

	// Workflow API (issue 8; api_collection_*.go, api_check_*.go,
	// api_objection_*.go): collection tasks and reminders, uploads checked
	// by the rules and held until explained, check rules, explanations,
	// county objections with their threads, attachments.
	mux.Handle("GET /api/v1/collection/tasks", s.api(s.collectionTaskList))
	mux.Handle("POST /api/v1/collection/tasks", s.api(s.collectionTaskCreate))
	mux.Handle("POST /api/v1/collection/tasks/{id}/reminders", s.api(s.collectionTaskRemind))
	mux.Handle("GET /api/v1/collection/notifications", s.api(s.collectionNotificationList))
	mux.Handle("POST /api/v1/collection/imports", s.api(s.observationImport)) // the same checked import as POST /api/v1/observations
	mux.Handle("GET /api/v1/imports/queue", s.api(s.importQueueGet))
	mux.Handle("GET /api/v1/collection/imports/{id}", s.api(s.collectionImportGet))
	mux.Handle("DELETE /api/v1/collection/imports/{id}", s.api(s.collectionImportCancel))
	mux.Handle("POST /api/v1/collection/imports/{id}/explanations", s.api(s.collectionImportExplain))
	mux.Handle("GET /api/v1/checks/rules", s.api(s.checkRuleList))
	mux.Handle("POST /api/v1/checks/rules", s.api(s.checkRuleCreate))
	mux.Handle("PUT /api/v1/checks/rules/{id}", s.api(s.checkRuleUpdate))
	mux.Handle("GET /api/v1/checks/explanations", s.api(s.checkExplanationList))
	mux.Handle("GET /api/v1/objections", s.api(s.objectionList))
	mux.Handle("POST /api/v1/objections", s.api(s.objectionCreate))
	mux.Handle("GET /api/v1/objections/{id}", s.api(s.objectionGet))
	mux.Handle("POST /api/v1/objections/{id}/answer", s.api(s.objectionAnswer))
	mux.Handle("POST /api/v1/objections/{id}/comments", s.api(s.objectionComment))
	mux.Handle("GET /api/v1/attachments/{id}", s.api(s.attachmentGet))
	mux.Handle("GET /api/v1/events/{key}/attachments", s.api(s.eventAttachments))
	mux.Handle("POST /api/v1/events/{key}/attachments", s.api(s.eventAttach))
	// End of workflow API.

	// Run lifecycle API (issue 8; lifecycle_api.go, api_result_objection_*.go):
	// the 公示 window and 文号, re-runs, objections to results.
	mux.Handle("GET /api/v1/runs/{id}/lifecycle", s.api(s.lifecycleGet))
	mux.Handle("PUT /api/v1/runs/{id}/lifecycle", s.api(s.lifecyclePut))
	mux.Handle("POST /api/v1/runs/{id}/notice", s.api(s.runNotice))
	mux.Handle("POST /api/v1/runs/{id}/rerun", s.api(s.runRerun))
	mux.Handle("GET /api/v1/runs/{id}/objections", s.api(s.resultObjectionList))
	mux.Handle("POST /api/v1/runs/{id}/objections", s.api(s.resultObjectionCreate))
	mux.Handle("POST /api/v1/runs/{id}/objections/{oid}/answer", s.api(s.resultObjectionAnswer))
	mux.Handle("POST /api/v1/runs/{id}/decisions", s.api(s.runDecision)) // ties left to the office (待认定, issue 14)
	// End of run lifecycle API.

	// Monitoring API (issue 21; api_monitor_*.go): the monthly monitoring
	// table, targets, figures, the release calendar and the 督办 loop.
	mux.Handle("GET /api/v1/monitor/table", s.api(s.monitorTable))
	mux.Handle("PUT /api/v1/monitor/targets", s.api(s.monitorTargetsPut))
	mux.Handle("PUT /api/v1/monitor/figures", s.api(s.monitorFiguresPut))
	mux.Handle("PUT /api/v1/monitor/releases", s.api(s.monitorReleasesPut))
	mux.Handle("GET /api/v1/monitor/problems", s.api(s.monitorProblemList))
	mux.Handle("POST /api/v1/monitor/problems", s.api(s.monitorProblemCreate))
	mux.Handle("GET /api/v1/monitor/problems/{id}", s.api(s.monitorProblemGet))
	mux.Handle("POST /api/v1/monitor/problems/{id}/steps", s.api(s.monitorProblemStep))
	mux.Handle("POST /api/v1/monitor/escalations", s.api(s.monitorEscalate))
	// Monitoring figures through the collection tasks (issue 21;
	// api_monitor_tasks_create.go, api_monitor_adopt*.go).
	mux.Handle("POST /api/v1/monitor/tasks", s.api(s.monitorTasksCreate))
	mux.Handle("POST /api/v1/monitor/adoptions", s.api(s.monitorAdopt))
	mux.Handle("GET /api/v1/monitor/adoptions", s.api(s.monitorAdoptions))
	// End of monitoring API.
	// The office's chain (issue 12; api_holiday_*.go): the holiday calendar
	// of the 公示 windows. Approval travels with POST /api/v1/runs/{id}/transitions.
	mux.Handle("GET /api/v1/holidays", s.api(s.holidayList))
	mux.Handle("PUT /api/v1/holidays/{day}", s.api(s.holidayPut))
	mux.Handle("DELETE /api/v1/holidays/{day}", s.api(s.holidayDelete))
	// End of the office's chain.

	// Anything else under the API is a JSON 404, not the mux's text one.
	mux.Handle("/api/", s.api(func(w http.ResponseWriter, r *http.Request) error { return notFound(r.URL.Path) }))
	// Pages: the browser pages (page_*.go, templates/, static/). Every page
	// handler goes through s.page, which renders its error as an HTML page;
	// pages of results through s.cachedPage, which also keeps them
	// rendered per caller scope and change generation (cache_page.go).
	mux.Handle("GET /static/", s.staticGet())
	mux.HandleFunc("GET /favicon.ico", faviconGet)
	mux.HandleFunc("GET /lang", s.langSet)
	mux.Handle("GET /{$}", s.cachedPage(false, s.dashboardGet))
	mux.Handle("GET /rankings", s.cachedPage(false, s.rankingsGet))
	mux.Handle("GET /rankings.xlsx", s.page(s.rankingsXLSX))
	mux.Handle("GET /counties", s.cachedPage(false, s.countiesList))
	mux.Handle("GET /notice", s.cachedPage(false, s.noticeGet))
	mux.Handle("GET /notice.pdf", s.page(s.noticePDF))
	mux.Handle("GET /notice.xlsx", s.page(s.noticeXLSX))
	mux.Handle("GET /admin/map", s.page(s.adminMapGet))
	mux.Handle("POST /admin/map", s.page(s.adminMapPost))
	// Any other path is the browser's 404 page.
	mux.Handle("/", s.page(s.notFoundPage))
	// End of Pages.

	// Pages: county, method, runs, data (page_county*.go, page_method*.go,
	// page_runs*.go, page_data*.go). Forms post to page routes, which
	// redirect (303) after a change.
	mux.Handle("GET /counties/{code}", s.cachedPage(false, s.countyGet))
	mux.Handle("GET /method", s.cachedPage(false, s.methodPage))
	mux.Handle("GET /runs", s.cachedPage(false, s.runsGet))
	mux.Handle("POST /runs", s.page(s.runsCreate))
	mux.Handle("GET /runs/compare", s.cachedPage(false, s.runsCompare))
	mux.Handle("GET /runs/{id}/robustness", s.cachedPage(false, s.runsRobustness))
	mux.Handle("POST /runs/{id}/state", s.page(s.runsState))
	mux.Handle("POST /runs/{id}/visibility", s.page(s.runsVisibility))
	mux.Handle("GET /data", s.page(s.dataGet))
	mux.Handle("GET /data/template.xlsx", s.page(s.dataTemplate))
	mux.Handle("GET /data/revisions/{id}", s.page(s.dataRevisionGet))
	mux.Handle("POST /data/import", s.page(s.dataImport))
	// End of Pages: county, method, runs, data.

	// Pages: workflow (issue 8; page_collection*.go, page_confirm*.go,
	// page_events*.go): the collection board and checked uploads, the
	// county confirmation with its objections, the events register.
	mux.Handle("GET /collection", s.page(s.collectionPage))
	mux.Handle("POST /collection/tasks", s.page(s.collectionTasksPost))
	mux.Handle("POST /collection/tasks/{id}/remind", s.page(s.collectionRemindPost))
	mux.Handle("GET /collection/tasks/{id}/form", s.page(s.collectionFormGet))
	mux.Handle("POST /collection/tasks/{id}/form", s.page(s.collectionFormPost))
	mux.Handle("POST /collection/import", s.page(s.collectionImportPost))
	mux.Handle("GET /collection/imports/{id}", s.page(s.collectionHeldGet))
	mux.Handle("POST /collection/imports/{id}", s.page(s.collectionHeldPost))
	mux.Handle("POST /collection/imports/{id}/cancel", s.page(s.collectionHeldCancel))
	mux.Handle("POST /collection/rules", s.page(s.collectionRulePost))
	mux.Handle("POST /collection/rules/{id}", s.page(s.collectionRuleToggle))
	mux.Handle("GET /confirm", s.cachedPage(true, s.confirmPage))
	mux.Handle("POST /confirm", s.page(s.confirmPost))
	mux.Handle("POST /confirm/objections", s.page(s.confirmObjectPost))
	mux.Handle("GET /confirm/objections/{id}", s.page(s.objectionPage))
	mux.Handle("POST /confirm/objections/{id}/answer", s.page(s.objectionAnswerPost))
	mux.Handle("POST /confirm/objections/{id}/comment", s.page(s.objectionCommentPost))
	mux.Handle("GET /events", s.page(s.eventsPage))
	mux.Handle("POST /events", s.page(s.eventsPost))
	// End of Pages: workflow.

	// Pages: run lifecycle and outputs (issue 8; lifecycle_*.go,
	// notice_docx.go, sheet_*.go): the notice as .docx, the lifecycle page,
	// objections to results, the counties' score sheets.
	mux.Handle("GET /notice.docx", s.page(s.noticeDOCX))
	mux.Handle("GET /runs/{id}/lifecycle", s.page(s.lifecycleGetPage))
	mux.Handle("POST /runs/{id}/lifecycle", s.page(s.lifecyclePost))
	mux.Handle("GET /runs/{id}/sheets.zip", s.page(s.sheetsZIP))
	mux.Handle("GET /counties/{code}/sheet", s.page(s.sheetGet))
	mux.Handle("GET /counties/{code}/sheet.xlsx", s.page(s.sheetXLSX))
	mux.Handle("GET /counties/{code}/sheet.pdf", s.page(s.sheetPDF))
	mux.Handle("GET /counties/{code}/objections", s.page(s.countyObjectionsGet))
	mux.Handle("POST /counties/{code}/objections", s.page(s.countyObjectionsPost))
	// End of Pages: run lifecycle and outputs.

	// Pages: monitoring (issue 21; page_monitor_*.go, templates/monitor*.html):
	// the heat table, a unit's curves, the 督办 loop, quarterly rankings,
	// the scheduling meeting's paper.
	mux.Handle("GET /monitor", s.page(s.monitorGet))
	mux.Handle("GET /monitor/{unit}", s.page(s.monitorUnit))
	mux.Handle("GET /monitor/problems", s.page(s.monitorProblems))
	mux.Handle("GET /monitor/quarters", s.page(s.monitorQuarters))
	mux.Handle("GET /monitor/quarters.docx", s.page(s.monitorQuartersDOCX))
	mux.Handle("GET /monitor/meeting.xlsx", s.page(s.monitorMeetingXLSX))
	mux.Handle("POST /monitor/problems", s.page(s.monitorProblemsPost))
	mux.Handle("POST /monitor/problems/{id}", s.page(s.monitorProblemPost))
	mux.Handle("POST /monitor/problems/escalations", s.page(s.monitorEscalatePost))
	// End of Pages: monitoring.
	// The notice as one document (issue 13; notice_*.go, api_notice_*.go):
	// its OFD rendering, the 公示 notice of the proposed award list, the
	// notice settings per method and run, the registered 文号 and 成文日期,
	// the formal submissions with their stamped letters.
	mux.Handle("GET /notice.ofd", s.page(s.noticeOFD))
	mux.Handle("GET /publicity", s.page(s.publicityGet))
	mux.Handle("GET /publicity.docx", s.page(s.publicityDOCX))
	mux.Handle("GET /publicity.pdf", s.page(s.publicityPDF))
	mux.Handle("POST /runs/{id}/notice/registration", s.page(s.noticeRegistrationPost))
	mux.Handle("GET /api/v1/runs/{id}/notice/settings", s.api(s.noticeSettingsGet))
	mux.Handle("PUT /api/v1/runs/{id}/notice/settings", s.api(s.noticeRunSettingsPut))
	mux.Handle("PUT /api/v1/methods/{id}/notice/settings", s.api(s.noticeMethodSettingsPut))
	mux.Handle("PUT /api/v1/runs/{id}/notice/registration", s.api(s.noticeRegistrationPut))
	mux.Handle("POST /api/v1/formal-submissions", s.api(s.formalSubmissionCreate))
	mux.Handle("GET /api/v1/formal-submissions", s.api(s.formalSubmissionList))
	mux.Handle("GET /api/v1/formal-submissions/{id}/letter", s.api(s.formalSubmissionLetter))
	mux.Handle("POST /formal-submissions", s.page(s.formalSubmissionPost)) // the form on /collection and /confirm
	// End of the notice.
	// Development zones (issue 18; page_zone_*.go, api_zone_*.go,
	// templates/zone_*.html): the ranking by group, a zone's profile and
	// the zone notice, public like the county ones.
	mux.Handle("GET /api/v1/zones", s.api(s.zoneList))
	mux.Handle("GET /zones", s.page(s.zonesList))
	mux.Handle("GET /zones/notice", s.page(s.zoneNoticeGet))
	mux.Handle("GET /zones/notice.docx", s.page(s.zoneNoticeDOCX))
	mux.Handle("GET /zones/notice.xlsx", s.page(s.zoneNoticeXLSX))
	mux.Handle("GET /zones/notice.pdf", s.page(s.zoneNoticePDF))
	mux.Handle("GET /zones/notice.ofd", s.page(s.zoneNoticeOFD))
	mux.Handle("GET /zones/{code}", s.page(s.zoneGet))
	// Development zones II (issue 19; page_zone_enterprise.go,
	// page_zone_ii_view.go): an enterprise's figures and 亩均 grading, for
	// the office and the zone's prefecture and host county.
	mux.Handle("GET /zones/{code}/enterprises/{uscc}", s.page(s.zoneEnterpriseGet))
	mux.Handle("POST /zones/enterprises/import", s.page(s.zoneEnterpriseImport)) // page_zone_enterprise_import.go
	// End of development zones.
	// Zone runs and the investment map (issues 18 and 20; page_zone_runview.go,
	// api_zone_run_*.go, api_zone_site_*.go, page_invest_map.go): a zone
	// assessment recorded as a run that goes through the runs' lifecycle
	// (/api/v1/runs/{id}/…); ready sites per zone; the map, public but for
	// the projects.
	mux.Handle("GET /api/v1/zones/runs", s.api(s.zoneRunList))
	mux.Handle("POST /api/v1/zones/runs", s.api(s.zoneRunCreate))
	mux.Handle("GET /api/v1/zones/sites", s.api(s.zoneSiteList))
	mux.Handle("POST /api/v1/zones/sites/import", s.api(s.zoneSiteImport))
	mux.Handle("PUT /api/v1/zones/{code}/site", s.api(s.zoneSitePut))
	mux.Handle("GET /invest/map", s.cachedPage(true, s.investMap))
	// End of zone runs and the investment map.
	// Pages: investment attraction (issue 17; page_invest_*.go): the public
	// summary of published months, the ledger and its projects, review.
	mux.Handle("GET /invest", s.cachedPage(false, s.investSummary))
	// The ledger's pages need a login and show what the caller's role and
	// unit may read: cached per user (anonymous callers have none), so
	// that a county's fifty readers of a page wait for one computation.
	mux.Handle("GET /invest/projects", s.cachedPage(true, s.investProjects))
	mux.Handle("GET /invest/projects/{id}", s.cachedPage(true, s.investProject))
	// Monthly reporting (page_invest_review.go, page_invest_actions.go).
	mux.Handle("GET /invest/review", s.cachedPage(true, s.investReview))
	mux.Handle("POST /invest/review/{month}", s.page(s.investReportPost))
	mux.Handle("POST /invest/review/{month}/{county}", s.page(s.investReviewPost))
	mux.Handle("POST /invest/months", s.page(s.investMonthsPost))
	mux.Handle("POST /invest/months/{month}/reopen", s.page(s.investMonthReopen))
	mux.Handle("POST /invest/months/{month}/publish", s.page(s.investMonthPublish))
	mux.Handle("POST /invest/contacts", s.page(s.investContactPost))
	mux.Handle("GET /invest/report", s.cachedPage(true, s.investReportPage))
	mux.Handle("GET /invest/report.xlsx", s.page(s.investReportXLSX))
	mux.Handle("GET /invest/report.pdf", s.page(s.investReportPDF))
	mux.Handle("POST /invest/projects/{id}/verifications", s.page(s.investVerifyPost))
	mux.Handle("POST /invest/duplicates", s.page(s.investSettlePost)) // duplicate settlement (page_invest_settle.go)
	// End of Pages: investment attraction.
	// Contract follow-up and scheduling (issue 20 items 4–5;
	// api_invest_followup_*.go, api_invest_schedule_*.go,
	// page_invest_followup*.go, page_invest_schedule*.go): internal.
	mux.Handle("GET /api/v1/invest/followup", s.cachedAPI(s.investFollowupList))
	mux.Handle("GET /api/v1/invest/followup/{id}", s.cachedAPI(s.investFollowupGet))
	mux.Handle("PUT /api/v1/invest/followup/{id}", s.api(s.investFollowupPut))
	mux.Handle("POST /api/v1/invest/followup/{id}/incentives", s.api(s.investFollowupIncentive))
	mux.Handle("POST /api/v1/invest/followup/{id}/defaults", s.api(s.investFollowupDefault))
	mux.Handle("GET /api/v1/invest/schedule", s.cachedAPI(s.investScheduleGet))
	mux.Handle("PUT /api/v1/invest/schedule/{id}/leader", s.api(s.investScheduleLeader))
	mux.Handle("GET /invest/followup", s.cachedPage(true, s.investFollowup))
	mux.Handle("GET /invest/followup/{id}", s.cachedPage(true, s.investFollowupProject))
	mux.Handle("POST /invest/followup/{id}", s.page(s.investFollowupPost))
	mux.Handle("GET /invest/schedule", s.cachedPage(true, s.investSchedule))
	mux.Handle("GET /invest/schedule/meeting.xlsx", s.page(s.investScheduleXLSX))
	mux.Handle("GET /invest/schedule/meeting.docx", s.page(s.investScheduleDOCX))
	// End of contract follow-up and scheduling.
	// Industrial chains (issue 20; page_chain_*.go, api_chain_*.go,
	// templates/chain_*.html): chain maps and weak links are public, the
	// editor is the 专班's and the province's, target enterprises internal.
	// The public pages are kept per user (a 专班 member sees the editor's
	// link) until the data change.
	mux.Handle("GET /invest/chains", s.cachedPage(true, s.chainsList))
	mux.Handle("GET /invest/chains/new", s.page(s.chainNew))
	mux.Handle("POST /invest/chains", s.page(s.chainSave))
	mux.Handle("POST /invest/chains/import", s.page(s.chainImport))
	mux.Handle("GET /invest/chains/{id}", s.cachedPage(true, s.chainGet))
	mux.Handle("GET /invest/chains/{id}/edit", s.page(s.chainEdit))
	mux.Handle("GET /invest/chains/{id}/map.xlsx", s.page(s.chainExport))
	mux.Handle("GET /invest/targets", s.page(s.chainTargets))
	mux.Handle("POST /invest/targets", s.page(s.chainTargetCreate))
	mux.Handle("GET /invest/targets/{id}", s.page(s.chainTargetGet))
	mux.Handle("POST /invest/targets/{id}/moves", s.page(s.chainTargetMove))
	mux.Handle("GET /api/v1/chains", s.api(s.apiChainList))
	mux.Handle("POST /api/v1/chains", s.api(s.apiChainSave))
	mux.Handle("GET /api/v1/chains/{id}", s.api(s.apiChainGet))
	mux.Handle("GET /api/v1/chains/{id}/targets", s.api(s.apiChainTargets))
	mux.Handle("POST /api/v1/chains/{id}/targets", s.api(s.apiChainTargetCreate))
	mux.Handle("POST /api/v1/chains/targets/{tid}/moves", s.api(s.apiChainTargetMove))
	// End of industrial chains.
	// Pages: the leader's phone view (issue 22; page_leader*.go): the latest
	// period at a glance, a county on one page, under the reader's watermark.
	mux.Handle("GET /leader", s.page(s.leaderGet))
	mux.Handle("GET /leader.xlsx", s.page(s.leaderXLSX))
	mux.Handle("GET /leader/{code}", s.page(s.leaderCounty))
	// End of Pages: the leader's view.

	return mux
}
