{{/*
Prometheus Operator scrape config. honorLabels keeps the services' own "service" label (the
gRPC service) instead of renaming it exported_service; "app" carries the chart name so
dashboards and alerts can group by platform service whatever the release is called.
*/}}
{{- define "gov-lib.serviceMonitor" -}}
{{- $g := include "gov-lib.global" . | fromYaml -}}
{{- $sm := $g.serviceMonitor -}}
{{- if $sm.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
    {{- with $sm.labels }}{{ toYaml . | nindent 4 }}{{ end }}
spec:
  selector:
    matchLabels:
      {{- include "gov-lib.selectorLabels" . | nindent 6 }}
  namespaceSelector:
    matchNames: [{{ .Release.Namespace }}]
  endpoints:
    - port: admin
      path: /metrics
      interval: {{ $sm.interval }}
      honorLabels: true
      relabelings:
        - sourceLabels: [__meta_kubernetes_pod_label_app_kubernetes_io_name]
          targetLabel: app
{{- end }}
{{- end }}
