/** Spring Boot actuator's answer. The function answering at all means the service is up. */
export async function healthStatus() {
  return { status: 'UP' };
}
