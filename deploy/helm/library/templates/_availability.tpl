{{/* HorizontalPodAutoscaler, PodDisruptionBudget and the optional PriorityClass. */}}

{{- define "gov-lib.hpa" -}}
{{- $a := .Values.autoscaling -}}
{{- if $a.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "gov-lib.fullname" . }}
  minReplicas: {{ $a.minReplicas }}
  maxReplicas: {{ $a.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: { type: Utilization, averageUtilization: {{ $a.targetCPUUtilizationPercentage }} }
{{- end }}
{{- end }}

{{- define "gov-lib.pdb" -}}
{{- $p := .Values.pdb -}}
{{- if $p.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "gov-lib.fullname" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
spec:
  {{- if not (kindIs "invalid" $p.minAvailable) }}
  minAvailable: {{ $p.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $p.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "gov-lib.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{/*
A chart may own a PriorityClass (duty does: escalation must not be preempted by batch work).
PriorityClasses are cluster-wide, so the name carries the namespace to keep two installs apart.
*/}}
{{- define "gov-lib.priorityClassName" -}}
{{- $pc := .Values.priorityClass | default dict -}}
{{- if $pc.create -}}
{{- printf "%s-%s" .Release.Namespace (include "gov-lib.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- .Values.priorityClassName | default "" -}}
{{- end -}}
{{- end }}

{{- define "gov-lib.priorityClass" -}}
{{- $pc := .Values.priorityClass | default dict -}}
{{- if $pc.create }}
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: {{ include "gov-lib.priorityClassName" . }}
  labels:
    {{- include "gov-lib.labels" . | nindent 4 }}
value: {{ $pc.value | int }}
preemptionPolicy: {{ $pc.preemptionPolicy }}
globalDefault: false
description: {{ $pc.description | quote }}
{{- end }}
{{- end }}
