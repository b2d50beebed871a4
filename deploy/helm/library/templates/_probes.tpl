{{/*
Probe split: the gRPC health service (grpc.health.v1) gates startup, because a pod whose gRPC
server is not SERVING must not be restarted for being slow; afterwards /healthz decides restarts
and /readyz decides traffic. The gateway has no gRPC server and starts on /healthz instead.
*/}}
{{- define "gov-lib.probes" -}}
{{- $p := .Values.probes -}}
startupProbe:
  {{- if .Values.grpc.enabled }}
  grpc:
    port: 50051
  {{- else }}
  httpGet:
    path: /healthz
    port: admin
  {{- end }}
  periodSeconds: {{ $p.startup.periodSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
  timeoutSeconds: {{ $p.startup.timeoutSeconds }}
livenessProbe:
  httpGet:
    path: /healthz
    port: admin
  periodSeconds: {{ $p.liveness.periodSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
  timeoutSeconds: {{ $p.liveness.timeoutSeconds }}
readinessProbe:
  httpGet:
    path: /readyz
    port: admin
  periodSeconds: {{ $p.readiness.periodSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
  timeoutSeconds: {{ $p.readiness.timeoutSeconds }}
{{- end }}
